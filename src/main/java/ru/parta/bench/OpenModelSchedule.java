package ru.parta.bench;

/**
 * Send times of an open-model load: send {@code i} is due at {@code start + i / rate}, whatever happened to the sends
 * before it. A late scheduler catches up by issuing every due send at once; it never skips one and never waits for a
 * response, so a slow server cannot slow the load down (no coordinated omission). Latency is measured from these
 * scheduled times, not from when the request actually left.
 */
public final class OpenModelSchedule {

    private final long startNanos;
    private final double intervalNanos;
    private final long count;

    /**
     * @param startNanos the time of send 0 on the caller's clock (e.g. {@link System#nanoTime()})
     * @param ratePerSecond sends per second, &gt; 0
     * @param durationNanos sends are scheduled in [start, start + duration)
     */
    public OpenModelSchedule(long startNanos, double ratePerSecond, long durationNanos) {
        if (!(ratePerSecond > 0)) {
            throw new IllegalArgumentException("rate must be positive");
        }
        this.startNanos = startNanos;
        this.intervalNanos = 1e9 / ratePerSecond;
        this.count = (long) Math.ceil(durationNanos / intervalNanos - 1e-6);
    }

    /** How many sends the whole run has. */
    public long count() {
        return count;
    }

    /** When send {@code i} is due. */
    public long scheduledAt(long i) {
        return startNanos + Math.round(i * intervalNanos);
    }

    /** How many sends are due at {@code nowNanos} (a prefix 0..n-1 of all sends). */
    public long dueBy(long nowNanos) {
        if (nowNanos < startNanos) {
            return 0;
        }
        long n = (long) Math.floor((nowNanos - startNanos) / intervalNanos) + 1;
        while (n > 0 && scheduledAt(n - 1) > nowNanos) {
            n--;
        }
        while (n < count && scheduledAt(n) <= nowNanos) {
            n++;
        }
        return Math.min(n, count);
    }
}
