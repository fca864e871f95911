package ru.parta.invitations;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import ru.parta.accounts.CurrentUser;
import ru.parta.organizations.PersonRole;

/** Class invitation links and the join requests they produce. */
@RestController
class ClassLinksController {

    private final ClassLinks links;

    ClassLinksController(ClassLinks links) {
        this.links = links;
    }

    record NewLink(@NotNull PersonRole role, Boolean requiresApproval) {}

    record JoinBody(@Size(max = 200) String childName) {}

    @PostMapping("/api/v1/units/{classId}/links")
    ClassLinks.Link create(
            @AuthenticationPrincipal CurrentUser user, @PathVariable long classId, @Valid @RequestBody NewLink body) {
        return links.create(user, classId, body.role(), Boolean.TRUE.equals(body.requiresApproval()));
    }

    @GetMapping("/api/v1/join/{token}")
    ClassLinks.LinkInfo info(@PathVariable String token) {
        return links.info(token);
    }

    @PostMapping("/api/v1/join/{token}")
    ClassLinks.JoinRequest join(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable String token,
            @Valid @RequestBody(required = false) JoinBody body) {
        return links.join(user, token, body == null ? null : body.childName());
    }

    @GetMapping("/api/v1/units/{classId}/join-requests")
    List<ClassLinks.JoinRequest> pending(@AuthenticationPrincipal CurrentUser user, @PathVariable long classId) {
        return links.pending(user, classId);
    }

    @PostMapping("/api/v1/join-requests/{id}/approve")
    ClassLinks.JoinRequest approve(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return links.decide(user, id, true);
    }

    @PostMapping("/api/v1/join-requests/{id}/reject")
    ClassLinks.JoinRequest reject(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return links.decide(user, id, false);
    }
}
