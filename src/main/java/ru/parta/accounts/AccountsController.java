package ru.parta.accounts;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import ru.parta.shared.ApiException;

/** Sign-in, sign-out, own profile and sessions, and account creation by administrators. */
@RestController
class AccountsController {

    static final String COOKIE = "PARTA_SESSION";

    private final Accounts accounts;
    private final Users users;
    private final AccountsProperties properties;

    AccountsController(Accounts accounts, Users users, AccountsProperties properties) {
        this.accounts = accounts;
        this.users = users;
        this.properties = properties;
    }

    record LoginRequest(
            @NotBlank @Size(max = 254) String login,
            @NotBlank @Size(max = 128) String password,
            @Size(max = 16) String totp) {}

    record LoginResponse(String token, Instant expiresAt, UserProfile user) {}

    @PostMapping("/api/v1/auth/login")
    ResponseEntity<LoginResponse> login(@Valid @RequestBody LoginRequest body, HttpServletRequest request) {
        var signedIn = accounts.login(
                body.login(),
                body.password(),
                body.totp(),
                request.getHeader(HttpHeaders.USER_AGENT),
                request.getRemoteAddr());
        var cookie = cookie(signedIn.token(), Duration.between(Instant.now(), signedIn.expiresAt()));
        return ResponseEntity.ok()
                .header(HttpHeaders.SET_COOKIE, cookie.toString())
                .body(new LoginResponse(signedIn.token(), signedIn.expiresAt(), signedIn.user()));
    }

    @PostMapping("/api/v1/auth/logout")
    ResponseEntity<Void> logout(@AuthenticationPrincipal CurrentUser user) {
        accounts.logout(user);
        return ResponseEntity.noContent()
                .header(HttpHeaders.SET_COOKIE, cookie("", Duration.ZERO).toString())
                .build();
    }

    @GetMapping("/api/v1/me")
    UserProfile me(@AuthenticationPrincipal CurrentUser user) {
        return users.find(user.userId()).orElseThrow(() -> ApiException.notFound("USER_NOT_FOUND"));
    }

    @GetMapping("/api/v1/me/sessions")
    List<Sessions.SessionView> sessions(@AuthenticationPrincipal CurrentUser user) {
        return accounts.sessions(user);
    }

    @DeleteMapping("/api/v1/me/sessions/{id}")
    ResponseEntity<Void> revoke(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        accounts.revoke(user, id);
        return ResponseEntity.noContent().build();
    }

    record ChangePassword(
            @NotBlank @Size(max = 128) String current,
            @NotBlank @Size(max = 128) String password,
            @Size(max = 16) String totp) {}

    /** Changes my password; my other sessions are signed out. */
    @PostMapping("/api/v1/me/password")
    ResponseEntity<Void> changePassword(
            @AuthenticationPrincipal CurrentUser user, @Valid @RequestBody ChangePassword body) {
        accounts.changePassword(user, body.current(), body.password());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/v1/admin/users")
    ResponseEntity<UserProfile> create(@AuthenticationPrincipal CurrentUser user, @Valid @RequestBody NewUser body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(accounts.create(user, body));
    }

    /**
     * Another person's name, for showing who wrote what: only someone the caller shares a chat with (or whose messages
     * the caller can read) is found, so nobody can walk the ids to list a school's pupils; never a login, phone or
     * e-mail (a login may be a phone number). Anyone else is {@code 404 USER_NOT_FOUND}, as if absent.
     */
    @GetMapping("/api/v1/users/{id}")
    UserProfile user(@AuthenticationPrincipal CurrentUser me, @PathVariable long id) {
        if (id != me.userId() && !me.systemAdmin() && !users.knownTo(id, me.userId())) {
            throw ApiException.notFound("USER_NOT_FOUND");
        }
        return users.find(id)
                .map(UserProfile::withoutContacts)
                .orElseThrow(() -> ApiException.notFound("USER_NOT_FOUND"));
    }

    private ResponseCookie cookie(String value, Duration maxAge) {
        return ResponseCookie.from(COOKIE, value)
                .httpOnly(true)
                .secure(properties.secureCookie())
                .sameSite("Strict")
                .path("/")
                .maxAge(maxAge)
                .build();
    }
}
