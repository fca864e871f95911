package ru.parta.invitations;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import ru.parta.accounts.CurrentUser;
import ru.parta.accounts.UserProfile;

/** Personal codes for class teachers and school admins, and activation for everyone holding a code. */
@RestController
class InvitationsController {

    private final InvitationDesk desk;
    private final Activation activation;

    private final ru.parta.documents.InvitationSheets renderer;

    InvitationsController(InvitationDesk desk, Activation activation, ru.parta.documents.InvitationSheets renderer) {
        this.desk = desk;
        this.activation = activation;
        this.renderer = renderer;
    }

    @GetMapping("/api/v1/units/{unitId}/invitations")
    List<InvitationView> list(@AuthenticationPrincipal CurrentUser user, @PathVariable long unitId) {
        return desk.list(user, unitId);
    }

    @PostMapping("/api/v1/units/{unitId}/invitations")
    List<InvitationView> issue(@AuthenticationPrincipal CurrentUser user, @PathVariable long unitId) {
        return desk.issueAll(user, unitId);
    }

    @GetMapping("/api/v1/units/{unitId}/invitations.pdf")
    ResponseEntity<byte[]> sheets(@AuthenticationPrincipal CurrentUser user, @PathVariable long unitId) {
        byte[] pdf = desk.sheets(user, unitId, renderer);
        return ResponseEntity.ok()
                .header("Content-Disposition", "attachment; filename=\"invitations-" + unitId + ".pdf\"")
                .contentType(org.springframework.http.MediaType.APPLICATION_PDF)
                .body(pdf);
    }

    @PostMapping("/api/v1/people/{personId}/invitation")
    InvitationView reissue(@AuthenticationPrincipal CurrentUser user, @PathVariable long personId) {
        return desk.reissue(user, personId);
    }

    @DeleteMapping("/api/v1/people/{personId}/invitation")
    InvitationView revoke(@AuthenticationPrincipal CurrentUser user, @PathVariable long personId) {
        return desk.revoke(user, personId);
    }

    record CodeRequest(@Size(max = 40) String code) {}

    record ActivationRequest(
            @Size(max = 40) String code,
            @Size(max = 64) String login,
            @Size(max = 128) String password,
            @Size(max = 32) String phone,
            @Size(max = 254) String email,
            Boolean consent) {}

    @PostMapping("/api/v1/activation/check")
    Activation.CodeInfo check(@RequestBody CodeRequest body, HttpServletRequest request) {
        return activation.check(body.code(), request.getRemoteAddr());
    }

    @PostMapping("/api/v1/activation")
    ResponseEntity<UserProfile> activate(
            @AuthenticationPrincipal CurrentUser user,
            @RequestBody ActivationRequest body,
            HttpServletRequest request) {
        var created = activation.activate(
                new Activation.Request(
                        body.code(), body.login(), body.password(), body.phone(), body.email(), body.consent()),
                user,
                request.getRemoteAddr());
        return ResponseEntity.status(HttpStatus.CREATED).body(created);
    }

    @PostMapping("/api/v1/activation/link")
    ResponseEntity<Void> link(
            @AuthenticationPrincipal CurrentUser user, @RequestBody CodeRequest body, HttpServletRequest request) {
        activation.linkExisting(body.code(), user, request.getRemoteAddr());
        return ResponseEntity.noContent().build();
    }
}
