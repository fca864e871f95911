package ru.parta.safety;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import ru.parta.accounts.CurrentUser;
import ru.parta.accounts.PasswordResets;
import ru.parta.accounts.UserProfile;
import ru.parta.accounts.Users;
import ru.parta.organizations.Authority;
import ru.parta.organizations.People;
import ru.parta.organizations.Unit;
import ru.parta.organizations.Units;
import ru.parta.shared.ApiException;
import ru.parta.shared.Backoff;

/**
 * Password reset for schools, where people have no mailbox the server could trust: an administrator who manages the
 * person (school managers for their school, department staff, system administrators) issues a one-time code and
 * hands it over; the person sets a new password with it. Someone who manages the unit themselves (a director, a
 * school admin) gets a code only from a manager of the unit above, and a system administrator only from another, so
 * no one takes over a peer's or a superior's account. Guarantees: issuing and using a code are audit-logged;
 * wrong codes back off per address and every code per typed value, so codes cannot be guessed in bulk
 * ({@code 429 TOO_MANY_ATTEMPTS}); a reset signs the account out everywhere.
 */
@RestController
class PasswordResetController {

    private final PasswordResets resets;
    private final Authority authority;
    private final People people;
    private final Units units;
    private final Users users;
    private final AuditLog audit;
    private final Backoff perAddress;
    private final Backoff perCode;

    PasswordResetController(
            PasswordResets resets,
            Authority authority,
            People people,
            Units units,
            Users users,
            AuditLog audit,
            ru.parta.shared.RateCounters counters) {
        this.resets = resets;
        this.authority = authority;
        this.people = people;
        this.units = units;
        this.users = users;
        this.audit = audit;
        this.perAddress = new Backoff("reset.address", 10, Duration.ofMinutes(15), counters);
        this.perCode = new Backoff("reset.code", 5, Duration.ofMinutes(15), counters);
    }

    record Redeem(
            @NotBlank @Size(max = 32) String code,
            @NotBlank @Size(max = 128) String password) {}

    @PostMapping("/api/v1/people/{personId}/password-reset")
    ResponseEntity<PasswordResets.Issued> issue(
            @AuthenticationPrincipal CurrentUser user, @PathVariable long personId) {
        var person = people.find(personId).orElseThrow(() -> ApiException.notFound("PERSON_NOT_FOUND"));
        if (!authority.canManage(user, person.homeUnitId())) {
            throw ApiException.notFound("PERSON_NOT_FOUND");
        }
        if (person.userId() == null) {
            throw ApiException.conflict("PERSON_NOT_ACTIVATED");
        }
        boolean targetAdmin =
                users.find(person.userId()).map(UserProfile::systemAdmin).orElse(false);
        var target = new CurrentUser(person.userId(), 0, targetAdmin);
        if (targetAdmin && !user.systemAdmin()) {
            throw ApiException.forbidden("RESET_NOT_ALLOWED");
        }
        if (!user.systemAdmin() && authority.canManage(target, person.homeUnitId())) {
            Long parent = units.find(person.homeUnitId()).map(Unit::parentId).orElse(null);
            if (parent == null || !authority.canManage(user, parent)) {
                throw ApiException.forbidden("RESET_NOT_ALLOWED");
            }
        }
        var issued = resets.issue(person.userId(), user.userId());
        audit.record(user.userId(), person.homeUnitId(), "password.reset-issued", Map.of("personId", personId));
        return ResponseEntity.status(HttpStatus.CREATED).body(issued);
    }

    @PostMapping("/api/v1/password-reset")
    ResponseEntity<Void> redeem(@Valid @RequestBody Redeem body, HttpServletRequest request) {
        String address = request.getRemoteAddr();
        String codeKey = body.code().strip().toUpperCase(java.util.Locale.ROOT);
        Duration wait = max(perAddress.waitFor(address), perCode.waitFor(codeKey));
        if (!wait.isZero()) {
            throw new ApiException(HttpStatus.TOO_MANY_REQUESTS, "TOO_MANY_ATTEMPTS", wait.toSeconds() + 1);
        }
        long userId;
        try {
            userId = resets.redeem(body.code(), body.password());
        } catch (ApiException e) {
            perCode.failed(codeKey);
            if (e.code().equals("RESET_CODE_INVALID")) {
                perAddress.failed(address);
            }
            throw e;
        }
        perCode.succeeded(codeKey);
        audit.record(userId, null, "password.reset-used", Map.of("userId", userId));
        return ResponseEntity.noContent().build();
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
