package ru.parta.reports;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;
import ru.parta.documents.ReportRequest;
import ru.parta.documents.ReportRequest.Column;
import ru.parta.documents.TableReports;

/**
 * The PDF «Отчёт о подключении» of a unit, fit to attach to the execution of the order: totals against the target and
 * the deadline, per role, per sub-unit with a bar chart, the people not yet connected with their invitation status,
 * and a signature line. Connection only: no message counts appear.
 */
@Component
class CoveragePdf {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    private final TableReports tables;

    CoveragePdf(TableReports tables) {
        this.tables = tables;
    }

    byte[] render(CoverageReport report) {
        var t = report.totals();
        List<String> subtitle = new ArrayList<>();
        subtitle.add(report.unitName());
        subtitle.add("Сформирован: " + DAY.format(report.generatedAt().atZone(ZoneId.of("Europe/Moscow"))));
        subtitle.add(String.format(
                Locale.ROOT,
                "Подключено %d из %d (%s %%), цель — %d %%",
                t.connected(),
                t.rostered(),
                percent(t.connectedPercent()),
                report.targetPercent()));
        if (report.deadline() != null) {
            subtitle.add("Срок: " + DAY.format(report.deadline())
                    + (report.daysLeft() == null ? "" : " (осталось дней: " + Math.max(0, report.daysLeft()) + ")"));
        }
        List<ReportRequest.Section> sections = new ArrayList<>();
        sections.add(new ReportRequest.Table(
                "По ролям",
                countColumns("Роль"),
                report.roles().stream()
                        .filter(r -> r.counts().rostered() > 0)
                        .map(r -> row(r.label(), r.counts()))
                        .toList()));
        if (!report.units().isEmpty()) {
            sections.add(new ReportRequest.Table(
                    "По подразделениям",
                    countColumns("Подразделение"),
                    report.units().stream().map(u -> row(u.name(), u.counts())).toList()));
            sections.add(new ReportRequest.BarChart(
                    "Подключено, %",
                    report.units().stream()
                            .map(u -> new ReportRequest.Bar(u.name(), u.counts().connectedPercent()))
                            .toList()));
        }
        sections.add(new ReportRequest.Table(
                "Не подключены (" + report.notConnected().size() + ")",
                List.of(
                        Column.text("ФИО", 3),
                        Column.text("Роль", 2),
                        Column.text("Класс", 1),
                        Column.text("Приглашение", 2.5f)),
                report.notConnected().stream()
                        .map(n -> List.of(
                                n.fullName(),
                                String.join(
                                        ", ",
                                        n.roles().stream()
                                                .map(CoverageReport::label)
                                                .toList()),
                                String.join(", ", n.classes()),
                                n.invitation().label()))
                        .toList()));
        return tables.render(new ReportRequest("Отчёт о подключении", subtitle, sections));
    }

    private static List<Column> countColumns(String first) {
        return List.of(
                Column.text(first, 2.4f),
                Column.number("В списке", 1.1f),
                Column.number("Активировано", 1.5f),
                Column.number("Подключено", 1.4f),
                Column.number("Активны 7 дн.", 1.5f),
                Column.number("%", 0.7f));
    }

    private static List<String> row(String name, CoverageReport.Counts c) {
        return List.of(
                name,
                String.valueOf(c.rostered()),
                String.valueOf(c.activated()),
                String.valueOf(c.connected()),
                String.valueOf(c.active7d()),
                percent(c.connectedPercent()));
    }

    private static String percent(double value) {
        return String.format(Locale.forLanguageTag("ru"), "%.1f", value);
    }
}
