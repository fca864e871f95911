package ru.parta.chats;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ru.parta.accounts.CurrentUser;

/** Messages: send (idempotent on clientId), history, edit, delete, pin, react, search. */
@RestController
class MessagesController {

    private final MessageService messages;

    MessagesController(MessageService messages) {
        this.messages = messages;
    }

    record SendMessage(
            String clientId,
            String text,
            Long replyTo,
            @Size(max = 100) List<Long> mentions,
            @Size(max = 10) List<Long> attachments,
            Boolean urgent) {}

    record EditMessage(String text, @Size(max = 100) List<Long> mentions) {}

    record Reaction(String emoji) {}

    /** 201 with the new message; 200 with the original when the clientId was sent before. */
    @PostMapping("/api/v1/chats/{chatId}/messages")
    ResponseEntity<MessageView> send(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable long chatId,
            @Valid @RequestBody SendMessage body) {
        var sent = messages.send(
                user.userId(),
                chatId,
                body.clientId(),
                body.text(),
                body.replyTo(),
                body.mentions(),
                body.attachments(),
                Boolean.TRUE.equals(body.urgent()));
        return ResponseEntity.status(sent.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(sent.message());
    }

    @GetMapping("/api/v1/chats/{chatId}/messages")
    List<MessageView> history(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable long chatId,
            @RequestParam(required = false) Long before,
            @RequestParam(required = false) Long after,
            @RequestParam(defaultValue = "50") int limit) {
        return messages.history(user.userId(), chatId, before, after, limit);
    }

    @GetMapping("/api/v1/chats/{chatId}/pinned")
    List<MessageView> pinned(@AuthenticationPrincipal CurrentUser user, @PathVariable long chatId) {
        return messages.pinned(user.userId(), chatId);
    }

    @PatchMapping("/api/v1/chats/{chatId}/messages/{messageId}")
    MessageView edit(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable long chatId,
            @PathVariable long messageId,
            @Valid @RequestBody EditMessage body) {
        return messages.edit(user.userId(), chatId, messageId, body.text(), body.mentions());
    }

    @DeleteMapping("/api/v1/chats/{chatId}/messages/{messageId}")
    MessageView delete(
            @AuthenticationPrincipal CurrentUser user, @PathVariable long chatId, @PathVariable long messageId) {
        return messages.delete(user.userId(), chatId, messageId);
    }

    @PutMapping("/api/v1/chats/{chatId}/messages/{messageId}/pin")
    MessageView pin(
            @AuthenticationPrincipal CurrentUser user, @PathVariable long chatId, @PathVariable long messageId) {
        return messages.pin(user.userId(), chatId, messageId, true);
    }

    @DeleteMapping("/api/v1/chats/{chatId}/messages/{messageId}/pin")
    MessageView unpin(
            @AuthenticationPrincipal CurrentUser user, @PathVariable long chatId, @PathVariable long messageId) {
        return messages.pin(user.userId(), chatId, messageId, false);
    }

    @PostMapping("/api/v1/chats/{chatId}/messages/{messageId}/reactions")
    MessageView react(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable long chatId,
            @PathVariable long messageId,
            @RequestBody Reaction body) {
        return messages.react(user.userId(), chatId, messageId, body.emoji(), true);
    }

    @DeleteMapping("/api/v1/chats/{chatId}/messages/{messageId}/reactions")
    MessageView unreact(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable long chatId,
            @PathVariable long messageId,
            @RequestParam String emoji) {
        return messages.react(user.userId(), chatId, messageId, emoji, false);
    }

    @GetMapping("/api/v1/search")
    List<MessageView> search(
            @AuthenticationPrincipal CurrentUser user,
            @RequestParam String q,
            @RequestParam(required = false) Long chatId,
            @RequestParam(defaultValue = "30") int limit) {
        return messages.search(user.userId(), chatId, q, limit);
    }
}
