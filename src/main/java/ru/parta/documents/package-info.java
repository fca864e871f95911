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
 *   <li>{@link ru.parta.documents.TableReports} — {@code byte[] render(ReportRequest)}: A4 reports such as «Отчёт о
 *       подключении». A {@link ru.parta.documents.ReportRequest} holds a title, subtitle lines (unit, date,
 *       deadline) and sections in print order: {@link ru.parta.documents.ReportRequest.Table} (heading,
 *       {@link ru.parta.documents.ReportRequest.Column}s — text or numeric (right-aligned) with a width weight —
 *       and rows of strings) and {@link ru.parta.documents.ReportRequest.BarChart} (heading and
 *       {@link ru.parta.documents.ReportRequest.Bar}s: label and 0–100 %). Tables of any length paginate with the
 *       header row repeated; every page carries «Стр. N из M»; the report closes with «Ответственный: … Дата: …».
 * </ul>
 *
 * <pre>{@code
 * byte[] pdf = tableReports.render(new ReportRequest(
 *         "Отчёт о подключении",
 *         List.of("МБОУ «СОШ № 5»", "По состоянию на 01.10.2025", "Срок: 15.10.2025"),
 *         List.of(
 *                 new ReportRequest.BarChart("Охват по классам", List.of(new ReportRequest.Bar("5А", 87.5))),
 *                 new ReportRequest.Table(
 *                         "Не подключены",
 *                         List.of(ReportRequest.Column.text("ФИО", 4), ReportRequest.Column.number("Дней", 1)),
 *                         List.of(List.of("Иванов Иван", "12"))))));
 * }</pre>
 *
 * <h2>Input</h2>
 *
 * Text is printed as given, except that control characters become spaces and characters the font cannot show
 * become «?». Records refuse structurally bad requests with {@link java.lang.IllegalArgumentException}; cells
 * wider than their column wrap onto three lines and are then shortened with «…». Rendering failures surface as
 * {@link java.io.UncheckedIOException}.
 */
package ru.parta.documents;
