/**
 * Roster parsing: turns the class lists schools export (CSV or Excel) into checked, normalised rows, without
 * Spring or a database.
 *
 * <h2>Use</h2>
 *
 * <pre>{@code
 * ParsedRoster roster = new RosterReader().read(inputStream, "5А.csv");
 * if (roster.fileError().isPresent()) {
 *     // refuse the whole file: roster.fileError().get().code() / .message()
 * }
 * roster.rows();   // accepted RosterRow records, in file order
 * roster.errors(); // RowError per problem of each skipped row: line, code, column, Russian message, raw value
 * }</pre>
 *
 * <ul>
 *   <li>{@link ru.parta.rosters.parsing.RosterReader} — the entry point; never throws for bad input, streams CSV,
 *       reads the first sheet of XLSX/XLS. Inject a {@link java.time.Clock} for age checks in tests.
 *   <li>{@link ru.parta.rosters.parsing.ParsedRoster} — rows, row errors, an optional file-level error and the
 *       detected {@link ru.parta.rosters.parsing.SourceFormat} (kind, charset, separator).
 *   <li>{@link ru.parta.rosters.parsing.RosterRow} — one person: class («5А», empty for staff), capitalised
 *       names, {@link ru.parta.rosters.parsing.RosterRole}, birth date, phone {@code +7XXXXXXXXXX}, e-mail,
 *       subjects, and for guardians the {@link ru.parta.rosters.parsing.ChildReference}s.
 *   <li>{@link ru.parta.rosters.parsing.PersonKey} — match guardians' children to pupil rows (and people to
 *       existing accounts) with {@code row.personKey().equals(child.personKey())}; case-, ё/е- and
 *       look-alike-insensitive. Matching itself (duplicates, a child not in the file) is the importer's job.
 *   <li>{@link ru.parta.rosters.parsing.RosterErrorCode} — stable machine codes; {@code fileLevel()} tells
 *       refusal of the file from a skipped row.
 *   <li>{@link ru.parta.rosters.parsing.RosterTemplates} — CSV and XLSX templates to offer for download.
 *   <li>{@link ru.parta.rosters.parsing.ClassNames}, {@link ru.parta.rosters.parsing.Phones},
 *       {@link ru.parta.rosters.parsing.BirthDates} — the normalisers, usable on their own (e.g. for forms).
 * </ul>
 *
 * <h2>Input accepted</h2>
 *
 * <ul>
 *   <li>CSV in UTF-8 (with or without BOM), UTF-16 LE/BE with BOM or Windows-1251; separator «,», «;» or tab, chosen
 *       from the header line; RFC 4180 quoting (separators, doubled quotes and line breaks inside quotes).
 *   <li>XLSX (first sheet, streamed) and XLS (first sheet); dates as real date cells or as text; phones stored as
 *       numbers. Password-protected books are refused with {@code ENCRYPTED_FILE}.
 *   <li>Header in any column order with common variants («ФИО» as one column, «ДР», «Дата_рождения», «E-mail»,
 *       «Почта», «Мобильный», «Должность», «Ребенок», «ФИО ребёнка», «Ученик (для родителя)» …); up to 30 title
 *       lines before it are skipped. Required: surname and name (or «ФИО») and role; otherwise
 *       {@code MISSING_COLUMNS} names what is absent.
 *   <li>Blank lines and repeated header lines are ignored. Line numbers in errors are the ones a spreadsheet or a
 *       text editor shows.
 * </ul>
 *
 * <h2>Limits</h2>
 *
 * At most {@link ru.parta.rosters.parsing.RosterReader#DEFAULT_MAX_ROWS} data rows (configurable); a CSV field
 * over 10,000 characters, a record over 1,000 fields or an unclosed quote refuses the file, so hostile input cannot
 * exhaust memory. The caller should still cap the upload size.
 */
@org.springframework.modulith.NamedInterface("parsing")
package ru.parta.rosters.parsing;
