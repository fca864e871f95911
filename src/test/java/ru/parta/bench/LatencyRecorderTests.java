package ru.parta.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LatencyRecorderTests {

    @Test
    void recordsFromTheScheduledTimeInsideTheWindowOnly() {
        var r = new LatencyRecorder();
        r.window(1_000_000, 2_000_000);
        assertThat(r.record(999_999, 1_100_000)).isFalse(); // warm-up
        assertThat(r.record(2_000_000, 2_100_000)).isFalse(); // after the window
        for (int i = 0; i < 99; i++) {
            assertThat(r.record(1_000_000 + i, 1_000_000 + i + 5_000)).isTrue(); // 5 ms
        }
        r.record(1_500_000, 1_500_000 + 250_000); // one at 250 ms
        assertThat(r.count()).isEqualTo(100);
        assertThat(r.percentileMillis(50)).isCloseTo(5.0, within(0.01));
        assertThat(r.percentileMillis(99)).isCloseTo(5.0, within(0.01));
        assertThat(r.percentileMillis(99.9)).isCloseTo(250.0, within(0.2));
        assertThat(r.maxMillis()).isCloseTo(250.0, within(0.2));
    }

    @Test
    void clockSkewBelowZeroCountsAsZero() {
        var r = new LatencyRecorder();
        r.record(1_000, 900);
        assertThat(r.maxMillis()).isZero();
    }

    @Test
    void parsesDeliveryFramesOfThisRunOnly() {
        var ledger = new DeliveryLedger(1);
        var latency = new LatencyRecorder();
        try (var clients = new StreamClients(1, ledger, latency, "babc123")) {
            long now = java.time.temporal.ChronoUnit.MICROS.between(java.time.Instant.EPOCH, java.time.Instant.now());
            String frame = "{\"type\":\"event\",\"chatId\":12,\"position\":43,\"event\":\"message.new\",\"at\":\"x\","
                    + "\"data\":{\"message\":{\"id\":77,\"chatId\":12,\"clientId\":\"babc123-42-" + (now - 3000)
                    + "\",\"text\":\"bench\"}}}";
            clients.onFrame(frame, ledger.receipts(0));
            clients.onFrame(frame.replace("babc123", "bother1"), ledger.receipts(0));
            clients.onFrame(frame.replace("message.new", "message.edited"), ledger.receipts(0));
            assertThat(ledger.receipts(0).has(42)).isTrue();
            assertThat(ledger.receipts(0).count()).isEqualTo(1);
            assertThat(latency.count()).isEqualTo(1);
            // a catch-up replays the frame as PostgreSQL jsonb prints it: spaces after colons, keys reordered
            String jsonb = "{\"at\": \"x\", \"data\": {\"message\": {\"id\": 78, \"text\": \"bench\", \"chatId\": 12,"
                    + " \"clientId\": \"babc123-43-" + (now - 3000) + "\"}}, \"type\": \"event\", \"event\":"
                    + " \"message.new\", \"chatId\": 12, \"position\": 44}";
            clients.onFrame(jsonb, ledger.receipts(0));
            assertThat(ledger.receipts(0).has(43)).isTrue();
            assertThat(latency.count()).isEqualTo(2);
            // frames are read as Latin-1 bytes: Cyrillic text around the ASCII fields does not disturb them
            String russian = frame.replace("42-", "44-").replace("\"bench\"", "\"Привет, класс! «урок»\"");
            clients.onFrame(
                    new String(
                            russian.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                            java.nio.charset.StandardCharsets.ISO_8859_1),
                    ledger.receipts(0));
            assertThat(ledger.receipts(0).has(44)).isTrue();
            assertThat(latency.count()).isEqualTo(3);
            assertThat(latency.percentileMillis(50)).isBetween(3.0, 1000.0);
        }
    }
}
