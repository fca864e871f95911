package ru.parta.chats;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/** Counters of the chat side of the hot path. */
@Component
class ChatMetrics {

    private final Counter accepted;

    ChatMetrics(MeterRegistry registry) {
        this.accepted = Counter.builder("parta.messages.accepted")
                .description("Messages accepted and stored")
                .register(registry);
    }

    void accepted() {
        accepted.increment();
    }
}
