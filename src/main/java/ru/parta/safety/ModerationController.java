package ru.parta.safety;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ru.parta.accounts.CurrentUser;

/** Muting, lesson mode, reports and their resolution. */
@RestController
class ModerationController {

    private final Moderation moderation;

    ModerationController(Moderation moderation) {
        this.moderation = moderation;
    }

    record MuteRequest(@NotNull Integer minutes) {}

    record LessonMode(@NotNull Boolean on) {}

    record ReportRequest(String reason) {}

    enum Action {
        DELETE,
        DISMISS
    }

    record Resolution(@NotNull Action action) {}

    @PostMapping("/api/v1/chats/{chatId}/members/{userId}/mute")
    Moderation.Mute mute(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable long chatId,
            @PathVariable long userId,
            @Valid @RequestBody MuteRequest body) {
        return moderation.mute(user.userId(), chatId, userId, body.minutes());
    }

    @DeleteMapping("/api/v1/chats/{chatId}/members/{userId}/mute")
    ResponseEntity<Void> unmute(
            @AuthenticationPrincipal CurrentUser user, @PathVariable long chatId, @PathVariable long userId) {
        moderation.unmute(user.userId(), chatId, userId);
        return ResponseEntity.noContent().build();
    }

    /** Lesson mode, my mute and (for moderators) all mutes of a chat I am a member of. */
    @GetMapping("/api/v1/chats/{chatId}/moderation")
    Moderation.State state(@AuthenticationPrincipal CurrentUser user, @PathVariable long chatId) {
        return moderation.state(user.userId(), chatId);
    }

    @PutMapping("/api/v1/chats/{chatId}/lesson-mode")
    Map<String, Object> lessonMode(
            @AuthenticationPrincipal CurrentUser user, @PathVariable long chatId, @Valid @RequestBody LessonMode body) {
        return Map.of("chatId", chatId, "on", moderation.setLessonMode(user.userId(), chatId, body.on()));
    }

    @PostMapping("/api/v1/chats/{chatId}/messages/{messageId}/report")
    ResponseEntity<Map<String, Object>> report(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable long chatId,
            @PathVariable long messageId,
            @RequestBody ReportRequest body) {
        long id = moderation.report(user.userId(), chatId, messageId, body.reason());
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("id", id));
    }

    @GetMapping("/api/v1/moderation/reports")
    List<Moderation.Report> reports(
            @AuthenticationPrincipal CurrentUser user,
            @RequestParam(defaultValue = "false") boolean all,
            @RequestParam(defaultValue = "100") int limit) {
        return moderation.reports(user.userId(), all, limit);
    }

    @PostMapping("/api/v1/moderation/reports/{id}/resolve")
    ResponseEntity<Void> resolve(
            @AuthenticationPrincipal CurrentUser user, @PathVariable long id, @Valid @RequestBody Resolution body) {
        moderation.resolve(user.userId(), id, body.action() == Action.DELETE);
        return ResponseEntity.noContent().build();
    }
}
