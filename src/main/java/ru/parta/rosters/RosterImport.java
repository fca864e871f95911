package ru.parta.rosters;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import ru.parta.organizations.People;
import ru.parta.organizations.Person;
import ru.parta.organizations.PersonRole;
import ru.parta.organizations.RoleHolding;
import ru.parta.organizations.StructureChanged;
import ru.parta.organizations.Unit;
import ru.parta.organizations.UnitKind;
import ru.parta.organizations.Units;
import ru.parta.rosters.parsing.ParsedRoster;
import ru.parta.rosters.parsing.RosterReader;
import ru.parta.rosters.parsing.RosterRow;
import ru.parta.shared.ApiException;
import ru.parta.structure.GeneratedChats;

/**
 * Imports a school's roster in one transaction; a dry run is the same import rolled back.
 *
 * <p>Guarantees: people are matched, not duplicated (name key, then birth date); re-importing the same file changes
 * nothing; roles given by hand are never touched; a person no longer in the file is archived (keeps account and
 * messages, leaves the generated chats), never deleted; an apply with row errors is refused unless the caller chose to
 * skip bad rows; generated chats follow in the same transaction.
 */
@Service
public class RosterImport {

    private final Units units;
    private final People people;
    private final GeneratedChats generatedChats;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final ImportLog importLog;

    RosterImport(
            Units units,
            People people,
            GeneratedChats generatedChats,
            ApplicationEventPublisher events,
            TransactionTemplate tx,
            ImportLog importLog) {
        this.units = units;
        this.people = people;
        this.generatedChats = generatedChats;
        this.events = events;
        this.tx = tx;
        this.importLog = importLog;
    }

    public ImportReport run(
            long schoolId, long userId, InputStream in, String fileName, boolean dryRun, boolean skipInvalid) {
        Unit school = units.find(schoolId)
                .filter(u -> u.kind() == UnitKind.SCHOOL && !u.archived())
                .orElseThrow(() -> ApiException.notFound("UNIT_NOT_FOUND"));
        ParsedRoster parsed = new RosterReader().read(in, fileName);
        if (parsed.fileError().isPresent()) {
            var error = parsed.fileError().get();
            throw new ApiException(
                    HttpStatus.UNPROCESSABLE_CONTENT,
                    "ROSTER_FILE_INVALID",
                    error.message()
                            + (error.detail() == null || error.detail().isBlank() ? "" : ": " + error.detail()));
        }
        String format = parsed.format().kind() + " " + parsed.format().charset()
                + (parsed.format().separator() == 0
                        ? ""
                        : " «" + parsed.format().separator() + "»");
        ImportReport report = tx.execute(status -> {
            var builder = new ImportReport.Builder();
            builder.errors.addAll(parsed.errors());
            new Applier(school, builder).apply(parsed.rows());
            var chats = generatedChats.sync(school.id());
            boolean refused = !dryRun && !builder.errors.isEmpty() && !skipInvalid;
            boolean applied = !dryRun && !refused;
            var result = builder.build(
                    dryRun,
                    applied,
                    format,
                    parsed.rows().size() + parsed.errors().size(),
                    new ImportReport.Chats(chats.added(), chats.removed(), chats.keptRemoved()));
            if (!applied) {
                status.setRollbackOnly();
            } else {
                events.publishEvent(new StructureChanged(school.id()));
                events.publishEvent(new ru.parta.shared.AdminAction(
                        userId, school.id(), "roster.imported", java.util.Map.of("file", fileName)));
            }
            return result;
        });
        importLog.record(schoolId, userId, fileName, report);
        if (!dryRun && !report.applied()) {
            throw new RosterRejected(report);
        }
        return report;
    }

    /** An apply refused because of row errors; carries the report, nothing was changed. */
    public static final class RosterRejected extends RuntimeException {
        private final transient ImportReport report;

        RosterRejected(ImportReport report) {
            super("ROSTER_HAS_ERRORS", null, false, false);
            this.report = report;
        }

        public ImportReport report() {
            return report;
        }
    }

    /** One import's working state. */
    private final class Applier {
        private final Unit school;
        private final ImportReport.Builder report;
        private final Map<String, Long> classes = new HashMap<>();
        private final Map<Long, Person> existing = new HashMap<>();
        private final Map<String, List<Person>> byKey = new HashMap<>();
        private final Map<Long, RosterRow> firstRow = new LinkedHashMap<>();
        private final Map<Long, List<Wanted>> wanted = new LinkedHashMap<>();
        private final Map<Long, List<Long>> pupilsByKey = new HashMap<>();

        Applier(Unit school, ImportReport.Builder report) {
            this.school = school;
            this.report = report;
            for (Unit u : units.children(school.id())) {
                if (u.kind() == UnitKind.CLASS) {
                    classes.put(u.name(), u.id());
                }
            }
            for (Person p : people.ofHome(school.id())) {
                existing.put(p.id(), p);
                byKey.computeIfAbsent(NameKeys.of(p), k -> new ArrayList<>()).add(p);
            }
        }

        record Wanted(long unitId, PersonRole role, List<String> subjects) {}

        void apply(List<RosterRow> rows) {
            for (RosterRow row : rows.stream()
                    .filter(r -> r.role() != ru.parta.rosters.parsing.RosterRole.GUARDIAN)
                    .toList()) {
                long personId = person(row);
                addRoles(personId, row);
            }
            for (RosterRow row : rows.stream()
                    .filter(r -> r.role() == ru.parta.rosters.parsing.RosterRole.GUARDIAN)
                    .toList()) {
                GuardianLinks.Resolution resolution = GuardianLinks.resolve(row, pupilsOf());
                if (resolution.error() != null) {
                    report.errors.add(resolution.error());
                    continue;
                }
                long personId = person(row);
                for (var child : resolution.children()) {
                    if (people.addGuardianship(personId, child.personId())) {
                        report.guardianLinks++;
                    }
                    want(personId, new Wanted(child.classId(), PersonRole.GUARDIAN, List.of()));
                }
            }
            reconcileRoles();
        }

        private List<GuardianLinks.Pupil> pupilsOf() {
            List<GuardianLinks.Pupil> pupils = new ArrayList<>();
            wanted.forEach((personId, list) -> list.stream()
                    .filter(w -> w.role() == PersonRole.PUPIL)
                    .forEach(w -> pupils.add(new GuardianLinks.Pupil(
                            personId, existing.get(personId), w.unitId(), className(w.unitId())))));
            return pupils;
        }

        private String className(long unitId) {
            return classes.entrySet().stream()
                    .filter(e -> e.getValue() == unitId)
                    .map(Map.Entry::getKey)
                    .findFirst()
                    .orElse("");
        }

        private long person(RosterRow row) {
            String key = NameKeys.of(row);
            List<Person> candidates = byKey.getOrDefault(key, List.of());
            Person match = candidates.stream()
                    .filter(p -> row.birthDate() != null && row.birthDate().equals(p.birthDate()))
                    .findFirst()
                    .or(() -> candidates.stream()
                            .filter(p -> row.birthDate() == null || p.birthDate() == null)
                            .findFirst())
                    .orElse(null);
            if (match == null) {
                long id = people.insert(
                        school.id(),
                        row.surname(),
                        row.name(),
                        row.patronymic(),
                        key,
                        row.birthDate(),
                        row.phone(),
                        row.email());
                Person created = people.find(id).orElseThrow();
                existing.put(id, created);
                byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(created);
                firstRow.put(id, row);
                report.created++;
                report.change(row.line(), row.fullName(), "CREATED", roleLabel(row));
                return id;
            }
            if (!firstRow.containsKey(match.id())) {
                firstRow.put(match.id(), row);
                boolean wasArchived = match.archived();
                if (people.update(match.id(), row.birthDate(), row.phone(), row.email())) {
                    if (wasArchived) {
                        report.restored++;
                        report.change(row.line(), row.fullName(), "RESTORED", roleLabel(row));
                    } else {
                        report.updated++;
                        report.change(row.line(), row.fullName(), "UPDATED", "");
                    }
                    existing.put(match.id(), people.find(match.id()).orElseThrow());
                } else {
                    report.unchanged++;
                }
            }
            return match.id();
        }

        private void addRoles(long personId, RosterRow row) {
            Long classId = row.className().isEmpty() ? null : classId(row.className());
            switch (row.role()) {
                case PUPIL -> want(personId, new Wanted(classId, PersonRole.PUPIL, List.of()));
                case CLASS_TEACHER -> {
                    want(personId, new Wanted(classId, PersonRole.CLASS_TEACHER, List.of()));
                    want(personId, new Wanted(school.id(), PersonRole.TEACHER, row.subjects()));
                }
                case TEACHER ->
                    want(
                            personId,
                            new Wanted(classId == null ? school.id() : classId, PersonRole.TEACHER, row.subjects()));
                case DIRECTOR -> want(personId, new Wanted(school.id(), PersonRole.DIRECTOR, List.of()));
                case DEPUTY -> want(personId, new Wanted(school.id(), PersonRole.DEPUTY, List.of()));
                case SCHOOL_ADMIN -> want(personId, new Wanted(school.id(), PersonRole.SCHOOL_ADMIN, List.of()));
                case GUARDIAN -> {}
            }
        }

        private long classId(String name) {
            return classes.computeIfAbsent(name, n -> {
                report.classesCreated++;
                return units.create(school.id(), UnitKind.CLASS, n, ClassGrades.grade(n));
            });
        }

        private void want(long personId, Wanted w) {
            List<Wanted> list = wanted.computeIfAbsent(personId, k -> new ArrayList<>());
            if (list.stream().noneMatch(x -> x.unitId() == w.unitId() && x.role() == w.role())) {
                list.add(w);
            }
        }

        private void reconcileRoles() {
            for (Person p : List.copyOf(existing.values())) {
                List<RoleHolding> current = people.roles(p.id());
                List<Wanted> desired = wanted.getOrDefault(p.id(), List.of());
                String from = current.stream()
                        .filter(h -> h.role() == PersonRole.PUPIL && !h.manual())
                        .map(h -> className(h.unitId()))
                        .findFirst()
                        .orElse(null);
                for (RoleHolding h : current) {
                    if (!h.manual()
                            && desired.stream().noneMatch(w -> w.unitId() == h.unitId() && w.role() == h.role())) {
                        people.endRole(h.id());
                    }
                }
                for (Wanted w : desired) {
                    var held = current.stream()
                            .filter(h -> h.unitId() == w.unitId() && h.role() == w.role())
                            .findFirst();
                    if (held.isEmpty()) {
                        people.addRole(p.id(), w.unitId(), w.role(), w.subjects(), false);
                    } else if (!held.get().manual() && !held.get().subjects().equals(w.subjects())) {
                        people.setSubjects(held.get().id(), w.subjects());
                    }
                }
                String to = desired.stream()
                        .filter(w -> w.role() == PersonRole.PUPIL)
                        .map(w -> className(w.unitId()))
                        .findFirst()
                        .orElse(null);
                if (from != null && to != null && !Objects.equals(from, to)) {
                    report.moved++;
                    RosterRow row = firstRow.get(p.id());
                    report.change(row == null ? null : row.line(), p.fullName(), "MOVED", from + " → " + to);
                }
                boolean inFile = wanted.containsKey(p.id());
                boolean hadRosterRoles = current.stream().anyMatch(h -> !h.manual());
                boolean keepsManual = current.stream().anyMatch(RoleHolding::manual);
                if (!inFile && !p.archived() && hadRosterRoles && !keepsManual) {
                    people.archive(p.id());
                    report.archived++;
                    report.change(null, p.fullName(), "ARCHIVED", "");
                }
            }
        }

        private String roleLabel(RosterRow row) {
            return row.role().russian() + (row.className().isEmpty() ? "" : " " + row.className());
        }
    }
}
