package ru.parta.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/** Delivery meters: open connections, deliveries, delivery latency, catch-ups and slow consumers. */
@Component
class DeliveryMetrics {

    private final Counter deliveries;
    private final Counter catchUps;
    private final Counter slowConsumers;
    private final Timer latency;

    DeliveryMetrics(MeterRegistry registry, Connections connections) {
        Gauge.builder("parta.stream.connections", connections, Connections::size)
                .description("Open WebSocket stream connections")
                .register(registry);
        deliveries = Counter.builder("parta.deliveries")
                .description("Events written to client connections")
                .register(registry);
        catchUps = Counter.builder("parta.sync.catchups")
                .description("Catch-ups that read missed events from the database")
                .register(registry);
        slowConsumers = Counter.builder("parta.stream.slow.consumers")
                .description("Connections closed because they could not keep up")
                .register(registry);
        latency = Timer.builder("parta.delivery.latency")
                .description("From accepting a change to writing it to a recipient's connection")
                .publishPercentileHistogram()
                .register(registry);
    }

    void delivered(long acceptedAtNanos) {
        deliveries.increment();
        if (acceptedAtNanos != 0) {
            latency.record(System.nanoTime() - acceptedAtNanos, TimeUnit.NANOSECONDS);
        }
    }

    void caughtUp() {
        catchUps.increment();
    }

    void slowConsumer() {
        slowConsumers.increment();
    }
}
