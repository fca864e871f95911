package ru.parta.invitations;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import ru.parta.accounts.Accounts;
import ru.parta.accounts.CurrentUser;
import ru.parta.accounts.NewUser;
import ru.parta.accounts.UserProfile;
import ru.parta.organizations.People;
import ru.parta.organizations.Person;
import ru.parta.organizations.PersonRole;
import ru.parta.organizations.RoleHolding;
import ru.parta.organizations.StructureChanged;
import ru.parta.organizations.Units;
import ru.parta.shared.ApiException;
import ru.parta.shared.Backoff;
import ru.parta.shared.RateCounters;

/**
 * Turns a personal code into an account: checks the code, creates the account, links the rostered person, marks the
 * code used and joins the person's generated chats — all in one transaction, so a failure leaves the code usable.
 * Wrong codes back off per address, across the cluster (see {@link Backoff}). A pupil younger than {@code selfActivationAge} (or of unknown age) is activated
 * only by a signed-in guardian of theirs, who must give consent; the consent is recorded with the text's version.
 */
@Service
public class Activation {

    private final Invitations invitations;
    private final People people;
    private final Units units;
    private final Accounts accounts;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final JdbcClient jdbc;
    private final InvitationsProperties properties;
    private final Clock clock;
    private final Backoff guesses;

    Activation(
            Invitations invitations,
            People people,
            Units units,
            Accounts accounts,
            ApplicationEventPublisher events,
            TransactionTemplate tx,
            JdbcClient jdbc,
            InvitationsProperties properties,
            Clock clock,
            RateCounters counters) {
        this.invitations = invitations;
        this.people = people;
        this.units = units;
        this.accounts = accounts;
        this.events = events;
        this.tx = tx;
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
        this.guesses =
                new Backoff("activation.address", properties.freeWrongCodes(), properties.maxBackoff(), counters);
    }

    /** What the activation form shows once a code is typed: whose code it is, and whether a guardian must act. */
    public record CodeInfo(String name, String roles, String school, boolean guardianRequired, String consentVersion) {}

    public CodeInfo check(String typed, String address) {
        var found = find(typed, address);
        Person person = people.find(found.personId()).orElseThrow();
        String school = units.find(person.homeUnitId()).map(u -> u.name()).orElse("");
        String roles = String.join(
                ", ",
                people.roles(person.id()).stream().map(r -> r.role().name()).toList());
        return new CodeInfo(
                person.name() + " " + person.surname().charAt(0) + ".",
                roles,
                school,
                minor(person),
                properties.consentVersion());
    }

    /** The new account's credentials and optional contacts. */
    public record Request(String code, String login, String password, String phone, String email, Boolean consent) {}

    /** Creates and links the account; {@code guardian} is the signed-in caller, required for young pupils. */
    public UserProfile activate(Request request, CurrentUser guardian, String address) {
        var found = find(request.code(), address);
        return tx.execute(status -> {
            Person person = people.find(found.personId()).orElseThrow(() -> ApiException.notFound("CODE_INVALID"));
            if (person.userId() != null) {
                throw ApiException.conflict("ALREADY_ACTIVATED");
            }
            Long guardianPersonId = null;
            if (minor(person)) {
                guardianPersonId = guardianOf(person, guardian);
                if (!Boolean.TRUE.equals(request.consent())) {
                    throw ApiException.badRequest("CONSENT_REQUIRED");
                }
            }
            String login =
                    request.login() == null || request.login().isBlank() ? suggestLogin(person) : request.login();
            UserProfile user = accounts.createChecked(new NewUser(
                    login,
                    person.surname(),
                    person.name(),
                    person.patronymic(),
                    request.phone(),
                    request.email(),
                    request.password(),
                    false));
            if (!invitations.use(found.id(), user.id())) {
                throw ApiException.notFound("CODE_INVALID");
            }
            people.linkUser(person.id(), user.id());
            if (guardianPersonId != null) {
                jdbc.sql("""
                                insert into consents (child_person_id, guardian_person_id, guardian_user_id, text_version, address)
                                values (?, ?, ?, ?, ?)
                                """)
                        .params(person.id(), guardianPersonId, guardian.userId(), properties.consentVersion(), address)
                        .update();
            }
            events.publishEvent(new StructureChanged(person.homeUnitId()));
            guesses.succeeded(address);
            return user;
        });
    }

    /** Links an account that already exists (a teacher who is also a parent) to the code's person. */
    public void linkExisting(String typed, CurrentUser user, String address) {
        var found = find(typed, address);
        tx.executeWithoutResult(status -> {
            Person person = people.find(found.personId()).orElseThrow();
            if (person.userId() != null) {
                throw ApiException.conflict("ALREADY_ACTIVATED");
            }
            if (minor(person)) {
                throw ApiException.forbidden("GUARDIAN_REQUIRED");
            }
            if (!invitations.use(found.id(), user.userId()) || !people.linkUser(person.id(), user.userId())) {
                throw ApiException.notFound("CODE_INVALID");
            }
            events.publishEvent(new StructureChanged(person.homeUnitId()));
        });
    }

    private Invitations.Active find(String typed, String address) {
        var wait = guesses.waitFor(address);
        if (!wait.isZero()) {
            throw new ApiException(HttpStatus.TOO_MANY_REQUESTS, "TOO_MANY_ATTEMPTS", wait.toSeconds() + 1);
        }
        var found = ActivationCodes.normalise(typed)
                .flatMap(invitations::activeByCode)
                .filter(a -> a.expiresAt().isAfter(clock.instant()));
        if (found.isEmpty()) {
            guesses.failed(address);
            throw ApiException.notFound("CODE_INVALID");
        }
        return found.get();
    }

    private boolean minor(Person person) {
        List<RoleHolding> roles = people.roles(person.id());
        if (roles.stream().noneMatch(r -> r.role() == PersonRole.PUPIL)) {
            return false;
        }
        LocalDate birth = person.birthDate();
        return birth == null || Period.between(birth, LocalDate.now(clock)).getYears() < properties.selfActivationAge();
    }

    private long guardianOf(Person child, CurrentUser caller) {
        if (caller == null) {
            throw ApiException.forbidden("GUARDIAN_REQUIRED");
        }
        List<Long> guardians = people.guardians(child.id());
        return people.byUser(caller.userId()).stream()
                .map(Person::id)
                .filter(guardians::contains)
                .findFirst()
                .orElseThrow(() -> ApiException.forbidden("GUARDIAN_REQUIRED"));
    }

    private String suggestLogin(Person person) {
        String base =
                Transliteration.latin(person.surname() + "." + person.name()).toLowerCase(java.util.Locale.ROOT);
        return base + "." + (person.id() % 10_000);
    }
}
