package ru.parta.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.IntStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;

class TableReportsTests {

    private static final List<ReportRequest.Column> NOT_CONNECTED = List.of(
            ReportRequest.Column.number("№", 0.6f),
            ReportRequest.Column.text("ФИО", 4),
            ReportRequest.Column.text("Класс", 1),
            ReportRequest.Column.text("Роль", 2),
            ReportRequest.Column.text("Статус приглашения", 2.4f));

    private final TableReports reports = new TableReports();

    @Test
    void thousandsOfRowsArePaginatedWithTheHeaderOnEveryPageAndPageNumbers() throws Exception {
        ReportRequest request = new ReportRequest(
                "Отчёт о подключении",
                List.of("МБОУ «СОШ № 5»", "По состоянию на 01.10.2025", "Срок подключения: 15.10.2025"),
                List.of(summary(), chart(), new ReportRequest.Table("Не подключены", NOT_CONNECTED, rows(3000))));

        byte[] pdf = reports.render(request);

        try (PDDocument document = PdfPages.load(pdf)) {
            int pages = document.getNumberOfPages();
            assertThat(pages).isBetween(40, 150);
            String first = PdfPages.text(document, 1, 1);
            assertThat(first)
                    .contains("Отчёт о подключении", "По состоянию на 01.10.2025", "Охват по классам", "87,5 %")
                    .contains("Стр. 1 из " + pages);
            for (int page = 2; page <= pages; page++) {
                assertThat(PdfPages.text(document, page, page))
                        .as("page %d", page)
                        .contains("ФИО Класс Роль Статус приглашения", "Стр. " + page + " из " + pages);
            }
            String last = PdfPages.text(document, pages, pages);
            assertThat(last).contains("3000 Фамилия3000 Имя Отчество", "Ответственный:");
            String all = PdfPages.text(document);
            assertThat(all).contains("1500 Фамилия1500 Имя Отчество");
            assertThat(all.indexOf("1499 Фамилия1499 ")).isLessThan(all.indexOf("1500 Фамилия1500 "));
            PdfPages.image(document, 0, 110, "report-page1");
            PdfPages.image(document, 1, 110, "report-page2");
            PdfPages.image(document, pages - 1, 110, "report-last");
        }
    }

    @Test
    void sevenThousandRowsRender() throws Exception {
        ReportRequest request = new ReportRequest(
                "Отчёт о подключении",
                List.of(),
                List.of(new ReportRequest.Table("Не подключены", NOT_CONNECTED, rows(7000))));

        try (PDDocument document = PdfPages.load(reports.render(request))) {
            assertThat(document.getNumberOfPages()).isGreaterThan(100);
            assertThat(PdfPages.text(document, document.getNumberOfPages(), document.getNumberOfPages()))
                    .contains("7000 Фамилия7000");
        }
    }

    @Test
    void emptyTablesLongCellsAndAChartAloneRender() throws Exception {
        String longCell = "Очень длинная строка без конца ".repeat(30);
        ReportRequest request = new ReportRequest(
                null,
                null,
                List.of(
                        new ReportRequest.Table("Пусто", NOT_CONNECTED, List.of()),
                        new ReportRequest.Table(
                                "Длинные ячейки",
                                List.of(ReportRequest.Column.text("Текст", 1), ReportRequest.Column.number("Число", 1)),
                                List.of(List.of(longCell, "12\n345"))),
                        new ReportRequest.BarChart("Только график", List.of(new ReportRequest.Bar("5А", 0)))));

        try (PDDocument document = PdfPages.load(reports.render(request))) {
            assertThat(document.getNumberOfPages()).isEqualTo(1);
            assertThat(PdfPages.text(document)).contains("Нет данных", "Очень длинная", "…", "0 %", "Стр. 1 из 1");
            PdfPages.image(document, 0, 110, "report-edge");
        }
    }

    @Test
    void malformedRequestsAreRefused() {
        assertThatThrownBy(() -> new ReportRequest.Table("x", NOT_CONNECTED, List.of(List.of("1", "2"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Row 1");
        assertThatThrownBy(() -> new ReportRequest.Bar("5А", 100.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReportRequest.Bar("5А", Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ReportRequest.Column.text("x", 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReportRequest.Table("x", List.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void percentagesUseTheRussianDecimalComma() {
        assertThat(BarChartBlock.percent(87.5)).isEqualTo("87,5 %");
        assertThat(BarChartBlock.percent(100)).isEqualTo("100 %");
        assertThat(BarChartBlock.percent(33.333)).isEqualTo("33,3 %");
    }

    private static ReportRequest.Table summary() {
        return new ReportRequest.Table(
                "Сводка по ролям",
                List.of(
                        ReportRequest.Column.text("Роль", 3),
                        ReportRequest.Column.number("В списке", 1.2f),
                        ReportRequest.Column.number("Активированы", 1.5f),
                        ReportRequest.Column.number("Подключены", 1.5f),
                        ReportRequest.Column.number("%", 1)),
                List.of(
                        List.of("Ученики", "812", "760", "731", "90,0"),
                        List.of("Родители", "1 204", "1 010", "955", "79,3"),
                        List.of("Учителя", "64", "64", "64", "100")));
    }

    private static ReportRequest.BarChart chart() {
        return new ReportRequest.BarChart(
                "Охват по классам",
                List.of(
                        new ReportRequest.Bar("5А", 87.5),
                        new ReportRequest.Bar("5Б", 100),
                        new ReportRequest.Bar("6А", 42.3),
                        new ReportRequest.Bar("Кружок «Робототехника и программирование микроконтроллеров»", 0)));
    }

    private static List<List<String>> rows(int count) {
        return IntStream.rangeClosed(1, count)
                .mapToObj(i -> List.of(
                        String.valueOf(i),
                        "Фамилия" + i + " Имя Отчество",
                        (5 + i % 7) + "А",
                        i % 2 == 0 ? "Родитель" : "Ученик",
                        i % 3 == 0 ? "Не выдано" : "Выдано 01.09.2025"))
                .toList();
    }
}
