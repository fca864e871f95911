package ru.parta.chats;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/** Counters of the chat side of the hot path. */
@Component
class ChatMetrics {

    private final Counter accepted;
    private final DistributionSummary batches;

    ChatMetrics(MeterRegistry registry) {
        this.accepted = Counter.builder("parta.messages.accepted")
                .description("Messages accepted and stored")
                .register(registry);
        this.batches = DistributionSummary.builder("parta.messages.batch.size")
                .description("New messages written per transaction by the group commit")
                .register(registry);
    }

    void batch(int size) {
        batches.record(size);
    }

    void accepted() {
        accepted.increment();
    }
}
