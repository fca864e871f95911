package ru.parta.bench;

import java.util.concurrent.TimeUnit;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Delivery latency in microseconds, from a message's scheduled send time to a recipient socket receiving it, in an
 * HdrHistogram (3 significant digits, up to 10 minutes). Only messages scheduled inside the measured window count;
 * warm-up ones are left out.
 */
public final class LatencyRecorder {

    private static final long MAX_MICROS = TimeUnit.MINUTES.toMicros(10);

    private final ConcurrentHistogram histogram = new ConcurrentHistogram(MAX_MICROS, 3);
    private volatile long windowStartMicros = Long.MIN_VALUE;
    private volatile long windowEndMicros = Long.MAX_VALUE;

    /** Counts only messages scheduled in [start, end) (epoch microseconds). */
    public void window(long startMicros, long endMicros) {
        windowStartMicros = startMicros;
        windowEndMicros = endMicros;
    }

    public boolean inWindow(long scheduledMicros) {
        return scheduledMicros >= windowStartMicros && scheduledMicros < windowEndMicros;
    }

    /** Records one delivery; returns whether it was in the measured window. */
    public boolean record(long scheduledMicros, long receivedMicros) {
        if (!inWindow(scheduledMicros)) {
            return false;
        }
        histogram.recordValue(Math.clamp(receivedMicros - scheduledMicros, 0, MAX_MICROS));
        return true;
    }

    public Histogram snapshot() {
        return histogram.copy();
    }

    public long count() {
        return histogram.getTotalCount();
    }

    /** Percentile in milliseconds. */
    public double percentileMillis(double percentile) {
        return histogram.getValueAtPercentile(percentile) / 1000.0;
    }

    public double maxMillis() {
        return histogram.getMaxValue() / 1000.0;
    }

    public double meanMillis() {
        return histogram.getMean() / 1000.0;
    }
}
