package ru.parta.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import ru.parta.support.IntegrationTest;
import ru.parta.support.StreamClient;

/** Lesson mode and mutes reach every member as chat events, so clients update without reloading. */
@IntegrationTest
class ModerationEventsIntegrationTests extends SafetyTestBase {

    @Test
    void lessonModeAndMutesArePushedToMembersAsChatEvents() {
        long chat = api.group(d.teacher(), "Урок математики", d.pupil(), d.classmate());
        var pupilStream = StreamClient.connect(
                        api.streamPort(d.pupil()), d.pupil().token())
                .hello();
        await().until(() -> !pupilStream.framesOfType("ready").isEmpty());

        api.send(d.teacher(), "PUT", "/api/v1/chats/" + chat + "/lesson-mode", Map.of("on", true));
        api.post(
                d.teacher(),
                "/api/v1/chats/" + chat + "/members/" + d.classmate().userId() + "/mute",
                Map.of("minutes", 10));
        api.send(
                d.teacher(),
                "DELETE",
                "/api/v1/chats/" + chat + "/members/" + d.classmate().userId() + "/mute",
                null);
        api.send(d.teacher(), "PUT", "/api/v1/chats/" + chat + "/lesson-mode", Map.of("on", false));

        await().atMost(Duration.ofSeconds(10))
                .until(() -> pupilStream.events("chat.lesson-mode").size() == 2);
        var lesson = pupilStream.events("chat.lesson-mode");
        assertThat(lesson.get(0).path("chatId").asLong()).isEqualTo(chat);
        assertThat(lesson.get(0).path("data").path("on").asBoolean()).isTrue();
        assertThat(lesson.get(1).path("data").path("on").asBoolean()).isFalse();
        var muted = pupilStream.events("member.muted");
        assertThat(muted).hasSize(1);
        assertThat(muted.get(0).path("data").path("userId").asLong())
                .isEqualTo(d.classmate().userId());
        assertThat(muted.get(0).path("data").path("mutedUntil").asString()).isNotBlank();
        assertThat(pupilStream.events("member.unmuted")).hasSize(1);
        assertThat(pupilStream.positions(chat)).isSorted().doesNotHaveDuplicates();
        pupilStream.abort();
    }

    @Test
    void aRefusedModerationActionAppendsNoEvent() {
        long chat = api.group(d.teacher(), "Без событий", d.pupil());
        long before = count("select count(*) from chat_events where chat_id = ?", chat);
        var refused = api.send(d.pupil(), "PUT", "/api/v1/chats/" + chat + "/lesson-mode", Map.of("on", true));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(count("select count(*) from chat_events where chat_id = ?", chat))
                .isEqualTo(before);
    }
}
