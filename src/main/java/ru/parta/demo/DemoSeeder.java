package ru.parta.demo;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import ru.parta.accounts.Accounts;
import ru.parta.accounts.CurrentUser;
import ru.parta.accounts.NewUser;
import ru.parta.accounts.UserProfile;
import ru.parta.chats.ChatService;
import ru.parta.chats.ChatView;
import ru.parta.chats.MessageService;
import ru.parta.invitations.InvitationDesk;
import ru.parta.organizations.People;
import ru.parta.organizations.Person;
import ru.parta.organizations.PersonRole;
import ru.parta.organizations.RoleHolding;
import ru.parta.organizations.StructureChanged;
import ru.parta.organizations.Unit;
import ru.parta.organizations.UnitKind;
import ru.parta.organizations.Units;
import ru.parta.rosters.RosterImport;

/**
 * Demo mode ({@code --demo} or {@code PARTA_DEMO=true}): on the first start against an empty database, seeds a small
 * district — one education department, the brief's sample school and two generated ones, partly activated so the
 * coverage report shows real numbers — and logs the demo logins. Does nothing when any account exists, so it never
 * touches real data.
 */
@Component
@ConditionalOnBooleanProperty("parta.demo.enabled")
class DemoSeeder implements ApplicationRunner {

    static final String PASSWORD = "parta-demo";
    private static final Logger log = LoggerFactory.getLogger(DemoSeeder.class);

    private final Accounts accounts;
    private final Units units;
    private final People people;
    private final RosterImport rosters;
    private final InvitationDesk invitations;
    private final ChatService chats;
    private final MessageService messages;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final org.springframework.core.env.Environment environment;
    private final java.util.Map<String, UserProfile> named = new java.util.HashMap<>();

    DemoSeeder(
            Accounts accounts,
            Units units,
            People people,
            RosterImport rosters,
            InvitationDesk invitations,
            ChatService chats,
            MessageService messages,
            ApplicationEventPublisher events,
            TransactionTemplate tx,
            Clock clock,
            org.springframework.core.env.Environment environment) {
        this.environment = environment;
        this.accounts = accounts;
        this.units = units;
        this.people = people;
        this.rosters = rosters;
        this.invitations = invitations;
        this.chats = chats;
        this.messages = messages;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        String port = environment.getProperty("local.server.port", "8080");
        if (accounts.anyUsers()) {
            log.info("Demo mode: accounts exist already, nothing seeded. Demo logins use the password '{}'", PASSWORD);
            return;
        }
        UserProfile admin = account("admin", "Администратор", "Системы", null, true);
        CurrentUser adminUser = new CurrentUser(admin.id(), 0, true);
        long department = tx.execute(
                s -> units.create(null, UnitKind.DEPARTMENT, "Управление образования Кокрекского района", null));
        long sample = school(department, "МКОУ «Кокрекская СОШ»", admin, sampleRoster());
        LocalDate today = LocalDate.now(clock);
        long second = school(
                department,
                "МКОУ «Новосельская СОШ»",
                admin,
                DemoRosters.school(2, List.of("1А", "2А", "3А", "4А", "5А", "6А", "7А", "8А", "9А"), 12, today));
        long third = school(
                department,
                "МКОУ «Аксайская ООШ»",
                admin,
                DemoRosters.school(3, List.of("1А", "3А", "5А", "7А", "9А"), 9, today));

        tx.executeWithoutResult(s -> {
            long staff = people.insert(
                    department, "Сулейманова", "Марьям", "Тимуровна", "сулейманова марьям тимуровна", null, null, null);
            people.addRole(staff, department, PersonRole.DEPARTMENT_STAFF, List.of(), true);
            people.linkUser(
                    staff,
                    account("department", "Сулейманова", "Марьям", "Тимуровна", false)
                            .id());
            long schoolAdmin = people.insert(
                    sample, "Ибрагимов", "Ислам", "Иванович", "ибрагимов ислам иванович", null, null, null);
            people.addRole(schoolAdmin, sample, PersonRole.SCHOOL_ADMIN, List.of(), true);
            people.linkUser(
                    schoolAdmin,
                    account("schooladmin", "Ибрагимов", "Ислам", "Иванович", false)
                            .id());
            named(sample);
            activateSome(sample, new Random(1), 0.8, 0.45, 0.4);
            activateSome(second, new Random(2), 0.9, 0.6, 0.55);
            activateSome(third, new Random(3), 0.5, 0.2, 0.15);
            for (long school : List.of(sample, second, third)) {
                events.publishEvent(new StructureChanged(school));
            }
            events.publishEvent(new StructureChanged(department));
        });
        for (Unit c : units.children(sample)) {
            invitations.issueAll(adminUser, c.id());
        }
        conversation();
        log.info(
                "Demo district seeded: 1 department, 3 schools. Sign in at http://localhost:{} with admin, department,"
                        + " director, schooladmin, teacher, pupil1 or parent1 — password '{}'",
                port,
                PASSWORD);
    }

    private long school(long department, String name, UserProfile admin, String roster) {
        long id = tx.execute(s -> units.create(department, UnitKind.SCHOOL, name, null));
        rosters.run(
                id,
                admin.id(),
                new ByteArrayInputStream(roster.getBytes(StandardCharsets.UTF_8)),
                "roster.csv",
                false,
                true);
        return id;
    }

    /** The named demo logins, all in the sample school: its director, 5А's class teacher, a pupil and a parent. */
    private void named(long school) {
        Unit fiveA = units.activeChild(school, UnitKind.CLASS, "5А").orElseThrow();
        List<RoleHolding> roles = people.rolesIn(List.of(school, fiveA.id()));
        link(roles, PersonRole.DIRECTOR, "director");
        link(roles, PersonRole.CLASS_TEACHER, "teacher");
        Person pupil = link(roles, PersonRole.PUPIL, "pupil1");
        long guardian = people.guardians(pupil.id()).getFirst();
        Person parent = people.find(guardian).orElseThrow();
        people.linkUser(
                parent.id(),
                account("parent1", parent.surname(), parent.name(), parent.patronymic(), false)
                        .id());
    }

    private Person link(List<RoleHolding> roles, PersonRole role, String login) {
        long personId = roles.stream()
                .filter(r -> r.role() == role)
                .findFirst()
                .orElseThrow()
                .personId();
        Person p = people.find(personId).orElseThrow();
        people.linkUser(
                p.id(),
                account(login, p.surname(), p.name(), p.patronymic(), false).id());
        return p;
    }

    /** Gives accounts to a share of staff, guardians and pupils, so coverage is partly done. */
    private void activateSome(long school, Random random, double staff, double guardians, double pupils) {
        List<Long> scope = new java.util.ArrayList<>(List.of(school));
        units.children(school).forEach(u -> scope.add(u.id()));
        java.util.Map<Long, NewUser> chosen = new java.util.LinkedHashMap<>();
        for (RoleHolding h : people.rolesIn(scope)) {
            double share = switch (h.role()) {
                case PUPIL -> pupils;
                case GUARDIAN -> guardians;
                default -> staff;
            };
            Person p = people.find(h.personId()).orElseThrow();
            if (p.userId() == null && !chosen.containsKey(p.id()) && random.nextDouble() < share) {
                chosen.put(
                        p.id(),
                        new NewUser(
                                "demo" + p.id(), p.surname(), p.name(), p.patronymic(), null, null, PASSWORD, false));
            }
        }
        var created = accounts.createAllTrusted(List.copyOf(chosen.values()));
        var ids = List.copyOf(chosen.keySet());
        for (int i = 0; i < ids.size(); i++) {
            people.linkUser(ids.get(i), created.get(i).id());
        }
    }

    private void conversation() {
        UserProfile teacher = byLogin("teacher");
        UserProfile pupil = byLogin("pupil1");
        UserProfile director = byLogin("director");
        for (ChatView chat : chats.list(teacher.id(), 50)) {
            switch (chat.title()) {
                case "5А — класс" -> {
                    send(teacher, chat.id(), "Здравствуйте, 5А! Домашнее задание: §12, упражнения 1–3.");
                    send(pupil, chat.id(), "Спасибо! 👍");
                }
                case "5А — родители" -> send(teacher, chat.id(), "Уважаемые родители, собрание в четверг в 18:00.");
                case "Учительская" -> send(director, chat.id(), "Коллеги, педсовет в пятницу в 15:00.");
                case "Объявления школы" ->
                    send(director, chat.id(), "Добро пожаловать в Парту — мессенджер нашей школы.");
                default -> {}
            }
        }
    }

    private UserProfile byLogin(String login) {
        return named.get(login);
    }

    private void send(UserProfile from, long chatId, String text) {
        messages.send(from.id(), chatId, UUID.randomUUID().toString(), text, null, List.of());
    }

    private UserProfile account(String login, String surname, String name, String patronymic, boolean admin) {
        UserProfile user =
                accounts.createTrusted(new NewUser(login, surname, name, patronymic, null, null, PASSWORD, admin));
        named.put(login, user);
        return user;
    }

    private static String sampleRoster() throws IOException {
        try (InputStream in = DemoSeeder.class.getResourceAsStream("/demo/roster-sample.csv")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
