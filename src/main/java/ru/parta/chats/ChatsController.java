package ru.parta.chats;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ru.parta.accounts.CurrentUser;

/** Chats, membership, read positions and typing. */
@RestController
@RequestMapping("/api/v1/chats")
class ChatsController {

    private final ChatService chats;

    ChatsController(ChatService chats) {
        this.chats = chats;
    }

    record CreateChat(
            @NotNull ChatKind kind,
            @Size(max = 400) String title,
            @Size(max = 500) List<Long> members) {}

    record CreateDirect(@NotNull Long userId) {}

    record Rename(String title) {}

    record AddMembers(@NotNull @Size(min = 1, max = 500) List<Long> userIds) {}

    record SetRole(@NotNull MemberRole role) {}

    record MarkRead(@NotNull Long position) {}

    @GetMapping
    List<ChatView> list(@AuthenticationPrincipal CurrentUser user, @RequestParam(defaultValue = "200") int limit) {
        return chats.list(user.userId(), limit);
    }

    @PostMapping
    ResponseEntity<ChatView> create(@AuthenticationPrincipal CurrentUser user, @Valid @RequestBody CreateChat body) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(chats.create(user.userId(), body.kind(), body.title(), body.members()));
    }

    @PostMapping("/direct")
    ChatView direct(@AuthenticationPrincipal CurrentUser user, @Valid @RequestBody CreateDirect body) {
        return chats.direct(user.userId(), body.userId());
    }

    @GetMapping("/{chatId}")
    ChatView get(@AuthenticationPrincipal CurrentUser user, @PathVariable long chatId) {
        return chats.view(user.userId(), chatId);
    }

    @PatchMapping("/{chatId}")
    ChatView rename(@AuthenticationPrincipal CurrentUser user, @PathVariable long chatId, @RequestBody Rename body) {
        return chats.rename(user.userId(), chatId, body.title());
    }

    @GetMapping("/{chatId}/members")
    List<MemberView> members(@AuthenticationPrincipal CurrentUser user, @PathVariable long chatId) {
        return chats.members(user.userId(), chatId);
    }

    @PostMapping("/{chatId}/members")
    List<MemberView> add(
            @AuthenticationPrincipal CurrentUser user, @PathVariable long chatId, @Valid @RequestBody AddMembers body) {
        return chats.addMembers(user.userId(), chatId, body.userIds());
    }

    @DeleteMapping("/{chatId}/members/{userId}")
    ResponseEntity<Void> remove(
            @AuthenticationPrincipal CurrentUser user, @PathVariable long chatId, @PathVariable long userId) {
        chats.removeMember(user.userId(), chatId, userId);
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/{chatId}/members/{userId}/role")
    MemberView role(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable long chatId,
            @PathVariable long userId,
            @Valid @RequestBody SetRole body) {
        return chats.setRole(user.userId(), chatId, userId, body.role());
    }

    @PostMapping("/{chatId}/leave")
    ResponseEntity<Void> leave(@AuthenticationPrincipal CurrentUser user, @PathVariable long chatId) {
        chats.leave(user.userId(), chatId);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{chatId}/read")
    ResponseEntity<Void> read(
            @AuthenticationPrincipal CurrentUser user, @PathVariable long chatId, @Valid @RequestBody MarkRead body) {
        chats.markRead(user.userId(), chatId, body.position());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{chatId}/typing")
    ResponseEntity<Void> typing(@AuthenticationPrincipal CurrentUser user, @PathVariable long chatId) {
        chats.typing(user.userId(), chatId);
        return ResponseEntity.noContent().build();
    }
}
