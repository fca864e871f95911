/**
 * Documents: Russian PDF documents other modules produce for printing or download. No controllers, no database,
 * no state; everything drawn with embedded DejaVu fonts from the classpath (licence in {@code /fonts}), nothing
 * fetched at run time.
 *
 * <ul>
 *   <li>{@link ru.parta.documents.QrCodes} — QR codes (error correction M, one-module quiet zone) as PNG bytes or
 *       drawn as vector rectangles into a PDFBox page content stream.
 *   <li>{@link ru.parta.documents.InvitationSheets} — {@code byte[] render(SheetRequest)}: A4 sheets of invitation
 *       slips, four per page with dashed cut lines. A {@link ru.parta.documents.SheetRequest} holds the school
 *       name, the class name and 1..10,000 {@link ru.parta.documents.SheetRequest.Slip}s (full name, role line,
 *       code, activation link, expiry as printed).
 * </ul>
 *
 * <h2>Input</h2>
 *
 * Text is printed as given, except that control characters become spaces and characters the font cannot show
 * become «?». Records refuse structurally bad requests with {@link java.lang.IllegalArgumentException}; rendering
 * failures surface as {@link java.io.UncheckedIOException}.
 */
package ru.parta.documents;
