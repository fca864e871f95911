package ru.parta.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import ru.parta.support.Api;
import ru.parta.support.IntegrationTest;
import ru.parta.support.StreamClient;

/**
 * A phone that stops reading must not grow the server's memory nor slow the others: the server stops writing to it,
 * closes it after the slow-consumer timeout (3 s in tests), and the phone later resumes with nothing lost or doubled.
 */
@IntegrationTest
class SlowConsumerIntegrationTests {

    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

    @Test
    void stalledReaderIsClosedWhileOthersKeepReceivingAndResumesWithNothingLost() {
        var writer = api.newUser("Болтун");
        var stalled = api.newUser("Зависший");
        var healthy = api.newUser("Бодрый");
        long chat = api.group(writer, "Поток", stalled, healthy);
        int port = api.streamPort(writer);
        var tracker = new StreamClient.Tracker();
        var slow = StreamClient.connect(port, stalled.token(), false, tracker).hello();
        var fast = StreamClient.connect(port, healthy.token()).hello();
        await().until(fast::ready);
        String big = "Длинное сообщение для заполнения буферов. ".repeat(90);
        int sent = 0;
        while (slowConsumersClosed() == 0 && sent < 3000) {
            api.sendMessage(writer, chat, "flood-" + sent, big + sent);
            sent++;
        }
        assertThat(slowConsumersClosed()).as("closed after %d messages", sent).isPositive();
        int total = sent;
        await().atMost(Duration.ofSeconds(30))
                .until(() -> fast.events("message.new").size() == total);

        slow.drain();
        assertThat(slow.closed()).succeedsWithin(Duration.ofSeconds(20));
        var resumed = StreamClient.connect(port, stalled.token(), tracker).hello();
        List<Long> expected =
                jdbc.sql("""
                        select e.position from chat_events e join chat_members m
                          on m.chat_id = e.chat_id and m.user_id = ?
                        where e.chat_id = ? and e.position >= m.joined_position order by e.position
                        """).params(stalled.userId(), chat).query(Long.class).list();
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(tracker.positions(chat)).containsExactlyElementsOf(expected));
        assertThat(resumed.closed()).isNotDone();
    }

    private double slowConsumersClosed() {
        var body = api.get(null, "/actuator/prometheus").body();
        return body.lines()
                .filter(l -> l.startsWith("parta_stream_slow_consumers_total"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .sum();
    }
}
