package ru.parta.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.parta.support.IntegrationTest;

@IntegrationTest
class WordFilterIntegrationTests extends SafetyTestBase {

    @Autowired
    WordFilter filter;

    @AfterEach
    void restore() {
        filter.mode(SafetyProperties.WordFilterMode.BLOCK);
    }

    @Test
    void blockModeIsTheDefaultAndRefusesObsceneMessagesWith422StoringNothing() {
        assertThat(filter.mode()).isEqualTo(SafetyProperties.WordFilterMode.BLOCK);
        long chat = api.group(d.teacher(), "Фильтр", d.pupil());
        long before = count(
                "select count(*) from messages where sender_id = ?", d.pupil().userId());
        var r = api.sendMessage(d.pupil(), chat, id(), "ну ты и ХУЁВЫЙ");
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.code()).isEqualTo("MESSAGE_BLOCKED");
        assertThat(count(
                        "select count(*) from messages where sender_id = ?",
                        d.pupil().userId()))
                .isEqualTo(before);

        long ok = api.sendMessage(d.pupil(), chat, id(), "Застрахуйте имущество")
                .json()
                .get("id")
                .asLong();
        var edit = api.send(d.pupil(), "PATCH", "/api/v1/chats/" + chat + "/messages/" + ok, Map.of("text", "6ля"));
        assertThat(edit.code()).isEqualTo("MESSAGE_BLOCKED");
    }

    @Test
    void flagModeStoresTheMessageAndQueuesItAsAReportForModerators() {
        filter.mode(SafetyProperties.WordFilterMode.FLAG);
        long chat = api.group(d.teacher(), "Фильтр-флаг", d.pupil());
        var r = api.sendMessage(d.pupil(), chat, id(), "пиздец");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        long messageId = r.json().get("id").asLong();
        var queue = api.get(d.teacher(), "/api/v1/moderation/reports").list();
        assertThat(queue)
                .anyMatch(x -> x.get("messageId").asLong() == messageId
                        && x.get("reason").asString().equals("WORD_FILTER")
                        && x.get("reporterId").isNull());

        filter.mode(SafetyProperties.WordFilterMode.OFF);
        assertThat(api.sendMessage(d.pupil(), chat, id(), "бля").status()).isEqualTo(201);
    }
}
