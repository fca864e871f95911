package ru.parta.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

/** The module's components wire in a plain Spring context (no database, no web server needed). */
@SpringJUnitConfig(classes = {QrCodes.class, InvitationSheets.class, TableReports.class})
class DocumentsWiringTests {

    @Autowired
    InvitationSheets invitationSheets;

    @Autowired
    TableReports tableReports;

    @Test
    void componentsRenderWhenInjected() {
        byte[] sheet = invitationSheets.render(new SheetRequest(
                "Школа № 1",
                "1А",
                List.of(new SheetRequest.Slip("Иванов Иван", "Ученик", "AAAAA-BBBBB", "https://p.test/a", "01.09"))));
        byte[] report = tableReports.render(new ReportRequest(
                "Отчёт о подключении",
                List.of("Школа № 1"),
                List.of(new ReportRequest.Table(
                        "Классы", List.of(ReportRequest.Column.text("Класс", 1)), List.of(List.of("1А"))))));

        assertThat(new String(sheet, 0, 5)).isEqualTo("%PDF-");
        assertThat(new String(report, 0, 5)).isEqualTo("%PDF-");
    }
}
