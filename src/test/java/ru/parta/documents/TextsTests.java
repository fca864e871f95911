package ru.parta.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TextsTests {

    private PDDocument document;
    private PDFont font;

    @BeforeEach
    void loadFont() throws Exception {
        document = new PDDocument();
        font = FontFiles.fromClasspath().loadInto(document).regular();
    }

    @AfterEach
    void close() throws Exception {
        document.close();
    }

    @Test
    void printableReplacesControlsAndMissingGlyphs() {
        assertThat(Texts.printable(font, "Ёлкин\tФёдор\n\u0000Ильич")).isEqualTo("Ёлкин Фёдор Ильич");
        assertThat(Texts.printable(font, "Ли 李")).isEqualTo("Ли ?");
        assertThat(Texts.printable(font, null)).isEmpty();
        assertThat(Texts.printable(font, "№ «СОШ» — 1 204")).isEqualTo("№ «СОШ» — 1 204");
    }

    @Test
    void fittedLinesAreNeverWiderThanTheBox() {
        String name = "Константинопольская-Всеволодская Александра-Мария Вячеславовна-Христофоровна";
        for (float width : new float[] {60, 150, 300, 600}) {
            Texts.Fitted fitted = Texts.fit(font, name, width, 14, 8, 2);
            assertThat(fitted.lines()).hasSizeBetween(1, 2);
            assertThat(fitted.size()).isBetween(8f, 14f);
            for (String line : fitted.lines()) {
                assertThat(Texts.width(font, fitted.size(), line)).isLessThanOrEqualTo(width);
            }
        }
        assertThat(Texts.fit(font, "Иванов Иван", 300, 14, 8, 2))
                .isEqualTo(new Texts.Fitted(14, List.of("Иванов Иван")));
    }

    @Test
    void shortNamesShrinkBeforeTheyWrap() {
        String name = "Сидоров Пётр Алексеевич";
        float full = Texts.width(font, 14, name);
        Texts.Fitted fitted = Texts.fit(font, name, full * 0.9f, 14, 8, 2);

        assertThat(fitted.lines()).containsExactly(name);
        assertThat(fitted.size()).isLessThan(14);
    }

    @Test
    void wrapBreaksOverlongWordsAndEllipsizeShortens() {
        List<String> lines = Texts.wrap(font, 10, "Ааааааааааааааааааааааааааааааа", 50);
        assertThat(lines).hasSizeGreaterThan(1);
        assertThat(String.join("", lines)).isEqualTo("Ааааааааааааааааааааааааааааааа");
        lines.forEach(line -> assertThat(Texts.width(font, 10, line)).isLessThanOrEqualTo(50));

        String shortened = Texts.ellipsize(font, 10, "Очень длинная строка текста", 60);
        assertThat(shortened).endsWith("…");
        assertThat(Texts.width(font, 10, shortened)).isLessThanOrEqualTo(60);
    }
}
