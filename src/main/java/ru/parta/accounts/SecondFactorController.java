package ru.parta.accounts;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** My TOTP second factor: status, enrolment (secret, URI, QR), confirmation and switching it off. */
@RestController
class SecondFactorController {

    private final SecondFactor secondFactor;

    SecondFactorController(SecondFactor secondFactor) {
        this.secondFactor = secondFactor;
    }

    record Code(@NotBlank @Size(max = 16) String code) {}

    @GetMapping("/api/v1/me/totp")
    SecondFactor.Status status(@AuthenticationPrincipal CurrentUser user) {
        return secondFactor.status(user);
    }

    @PostMapping("/api/v1/me/totp")
    SecondFactor.Enrolment enrol(@AuthenticationPrincipal CurrentUser user) {
        return secondFactor.enrol(user);
    }

    @PostMapping("/api/v1/me/totp/confirm")
    ResponseEntity<Void> confirm(@AuthenticationPrincipal CurrentUser user, @Valid @RequestBody Code body) {
        secondFactor.confirm(user, body.code());
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/api/v1/me/totp")
    ResponseEntity<Void> disable(@AuthenticationPrincipal CurrentUser user, @Valid @RequestBody Code body) {
        secondFactor.disable(user, body.code());
        return ResponseEntity.noContent().build();
    }
}
