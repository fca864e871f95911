package ru.parta.documents;

import org.apache.pdfbox.pdmodel.font.PDFont;

/** The faces loaded into one document. Valid only for the document they were loaded into. */
record Fonts(PDFont regular, PDFont bold, PDFont monoBold) {}
