package ru.parta.bench;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the open-model load has issued and what became of it: sequence numbers, the sends still unanswered (bounded by
 * {@code --max-in-flight}), acceptances (all, and those scheduled inside the measured window) and errors by kind. Safe
 * to update from the scheduler and from answer callbacks at once.
 */
final class SendTally {

    final AtomicLong seq = new AtomicLong();
    final AtomicInteger inFlight = new AtomicInteger();
    final AtomicLong accepted = new AtomicLong();
    final AtomicLong acceptedMeasured = new AtomicLong();
    final ConcurrentHashMap<String, AtomicLong> errors = new ConcurrentHashMap<>();

    void error(String kind) {
        errors.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
    }

    /** Records one answer: null error means accepted. */
    void answered(String error, boolean measured) {
        if (error == null) {
            accepted.incrementAndGet();
            if (measured) {
                acceptedMeasured.incrementAndGet();
            }
        } else {
            error(error);
        }
        inFlight.decrementAndGet();
    }

    void fill(BenchResult result, double measuredSeconds) {
        result.sent = seq.get();
        result.accepted = accepted.get();
        result.inFlightAtEnd = inFlight.get();
        errors.forEach((k, v) -> result.errors.put(k, v.get()));
        result.acceptedPerSecond = acceptedMeasured.get() / measuredSeconds;
    }
}
