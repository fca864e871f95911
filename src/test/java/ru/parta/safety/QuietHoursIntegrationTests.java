package ru.parta.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.Test;
import ru.parta.support.Api;
import ru.parta.support.IntegrationTest;

@IntegrationTest
class QuietHoursIntegrationTests extends SafetyTestBase {

    private void quietNow(boolean now) {
        LocalTime t = LocalTime.now(ZoneId.of("Europe/Moscow")).truncatedTo(ChronoUnit.MINUTES);
        var window = now
                ? Map.of(
                        "from", t.minusHours(1).toString(), "to", t.plusHours(1).toString())
                : Map.of("from", t.plusHours(1).toString(), "to", t.plusHours(2).toString());
        var r = api.send(d.director(), "PUT", "/api/v1/units/" + d.schoolA() + "/quiet-hours", window);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    private Api.Response send(Api.Session s, long chat, boolean urgent) {
        return api.post(
                s,
                "/api/v1/chats/" + chat + "/messages",
                Map.of("clientId", id(), "text", "Завтра экскурсия", "urgent", urgent));
    }

    @Test
    void schoolsHaveQuietHoursFrom21To8ByDefaultSetBySchoolManagersOnly() {
        var r = api.get(d.director(), "/api/v1/units/" + d.schoolB() + "/quiet-hours");
        assertThat(r.status()).as(r.body()).isEqualTo(404);
        r = api.get(d.otherDirector(), "/api/v1/units/" + d.schoolB() + "/quiet-hours");
        assertThat(r.json().get("from").asString()).startsWith("21:00");
        assertThat(r.json().get("to").asString()).startsWith("08:00");
        for (Api.Session refused : new Api.Session[] {d.teacher(), d.pupil(), d.guardian(), d.stranger()}) {
            var put = api.send(
                    refused,
                    "PUT",
                    "/api/v1/units/" + d.schoolB() + "/quiet-hours",
                    Map.of("from", "20:00", "to", "07:00"));
            assertThat(put.status()).isEqualTo(404);
        }
        var bad = api.send(
                d.director(),
                "PUT",
                "/api/v1/units/" + d.classA5() + "/quiet-hours",
                Map.of("from", "20:00", "to", "07:00"));
        assertThat(bad.code()).isEqualTo("NOT_A_SCHOOL");
        var malformed = api.send(
                d.director(),
                "PUT",
                "/api/v1/units/" + d.schoolA() + "/quiet-hours",
                Map.of("from", "25:00", "to", "07:00"));
        assertThat(malformed.status()).isEqualTo(400);
    }

    @Test
    void messageIntoAChatWithPupilsDuringQuietHoursIsStoredAndDeliveredQuiet() {
        long withPupils = api.group(d.teacher(), "Класс тихо", d.pupil());
        long staffOnly = api.group(d.teacher(), "Учителя тихо", d.director());
        quietNow(true);

        var sent = send(d.teacher(), withPupils, false);
        assertThat(sent.status()).as(sent.body()).isEqualTo(201);
        assertThat(sent.json().get("quiet").asBoolean()).isTrue();
        long messageId = sent.json().get("id").asLong();
        var history =
                api.get(d.pupil(), "/api/v1/chats/" + withPupils + "/messages").list();
        assertThat(history.stream()
                        .filter(m -> m.get("id").asLong() == messageId)
                        .findFirst()
                        .orElseThrow()
                        .get("quiet")
                        .asBoolean())
                .isTrue();
        assertThat(jdbc.sql(
                                "select payload->'data'->'message'->>'quiet' from chat_events where chat_id = ? and type = 'message.new'")
                        .param(withPupils)
                        .query(String.class)
                        .list())
                .containsExactly("true");

        assertThat(send(d.teacher(), staffOnly, false).json().get("quiet").asBoolean())
                .isFalse();

        quietNow(false);
        assertThat(send(d.teacher(), withPupils, false).json().get("quiet").asBoolean())
                .isFalse();
    }

    @Test
    void directorsAndDeputiesMaySendUrgentToBypassQuietHoursAnyoneElseIsRefused() {
        long chat = api.group(d.director(), "Срочно", d.pupil(), d.deputy(), d.teacher());
        quietNow(true);
        for (Api.Session leader : new Api.Session[] {d.director(), d.deputy()}) {
            var r = send(leader, chat, true);
            assertThat(r.status()).as(r.body()).isEqualTo(201);
            assertThat(r.json().get("quiet").asBoolean()).isFalse();
        }
        long before = count("select count(*) from messages where chat_id = ?", chat);
        for (Api.Session other : new Api.Session[] {d.teacher(), d.pupil()}) {
            var r = send(other, chat, true);
            assertThat(r.status()).isEqualTo(403);
            assertThat(r.code()).isEqualTo("URGENT_NOT_ALLOWED");
        }
        assertThat(count("select count(*) from messages where chat_id = ?", chat))
                .isEqualTo(before);
        assertThat(send(d.teacher(), chat, false).json().get("quiet").asBoolean())
                .isTrue();
    }
}
