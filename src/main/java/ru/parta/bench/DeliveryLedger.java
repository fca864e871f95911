package ru.parta.bench;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Exactly-once bookkeeping. Each message of the run has a sequence number (encoded in its clientId); each receiving
 * connection records the sequence numbers it got. At the end every connection of every member of a message's chat must
 * have got every accepted message exactly once: a missing one or a second copy is a violation.
 *
 * <p>A connection's receipts are written only by its own event loop thread; {@link #verify} runs after the load.
 */
public final class DeliveryLedger {

    /** What one connection received. Single writer (its event loop). */
    public static final class Receipts {
        private final BitSet seen = new BitSet();
        private final List<Long> duplicates = new ArrayList<>(0);
        private volatile long count;

        /** Records one delivery; returns false if it is a second copy. */
        public synchronized boolean record(long seq) {
            count++;
            if (seen.get((int) seq)) {
                duplicates.add(seq);
                return false;
            }
            seen.set((int) seq);
            return true;
        }

        public synchronized boolean has(long seq) {
            return seen.get((int) seq);
        }

        public synchronized List<Long> duplicates() {
            return List.copyOf(duplicates);
        }

        public long count() {
            return count;
        }
    }

    /** A message sent: its chat's recipients (connection indexes) and whether the server accepted it. */
    private record Sent(int[] recipients, boolean accepted) {}

    private final Receipts[] receipts;
    private final ConcurrentHashMap<Long, Sent> sent = new ConcurrentHashMap<>();
    private final AtomicLong expected = new AtomicLong();

    public DeliveryLedger(int connections) {
        receipts = new Receipts[connections];
        for (int i = 0; i < connections; i++) {
            receipts[i] = new Receipts();
        }
    }

    public Receipts receipts(int connection) {
        return receipts[connection];
    }

    /** Marks message {@code seq} as accepted (201/200) or failed; failed ones may be delivered at most once. */
    public void sent(long seq, int[] recipientConnections, boolean accepted) {
        sent.put(seq, new Sent(recipientConnections, accepted));
        if (accepted) {
            expected.addAndGet(recipientConnections.length);
        }
    }

    /** Deliveries that accepted messages owe in total. */
    public long expected() {
        return expected.get();
    }

    public long received() {
        long total = 0;
        for (Receipts r : receipts) {
            total += r.count();
        }
        return total;
    }

    /** Total deliveries of accepted messages still missing, cheap enough to poll while draining. */
    public long outstanding() {
        return Math.max(0, expected() - received());
    }

    /** The result of the check: missing and duplicated (connection, seq) pairs, a few of each as examples. */
    public record Verdict(long checked, long missing, long duplicated, long unexpected, List<String> examples) {
        public boolean ok() {
            return missing == 0 && duplicated == 0 && unexpected == 0;
        }

        public String summary() {
            if (ok()) {
                return "exactly-once: OK (" + checked + " deliveries checked)";
            }
            return "exactly-once: VIOLATED: " + missing + " missing, " + duplicated + " duplicated, " + unexpected
                    + " unexpected of " + checked + "; e.g. " + String.join("; ", examples);
        }
    }

    public Verdict verify() {
        long checked = 0;
        long missing = 0;
        long duplicated = 0;
        long unexpected = 0;
        List<String> examples = new ArrayList<>();
        BitSet[] owed = new BitSet[receipts.length];
        for (int i = 0; i < owed.length; i++) {
            owed[i] = new BitSet();
        }
        for (var entry : sent.entrySet()) {
            long seq = entry.getKey();
            Sent s = entry.getValue();
            for (int c : s.recipients()) {
                owed[c].set((int) seq);
                if (!s.accepted()) {
                    continue;
                }
                checked++;
                if (!receipts[c].has(seq)) {
                    missing++;
                    if (examples.size() < 10) {
                        examples.add("connection " + c + " never got message #" + seq);
                    }
                }
            }
        }
        for (int c = 0; c < receipts.length; c++) {
            for (long seq : receipts[c].duplicates()) {
                duplicated++;
                if (examples.size() < 10) {
                    examples.add("connection " + c + " got message #" + seq + " twice");
                }
            }
            BitSet got;
            synchronized (receipts[c]) {
                got = (BitSet) receipts[c].seen.clone();
            }
            got.andNot(owed[c]);
            for (int seq = got.nextSetBit(0); seq >= 0; seq = got.nextSetBit(seq + 1)) {
                unexpected++;
                if (examples.size() < 10) {
                    examples.add("connection " + c + " got message #" + seq + " not sent to it");
                }
            }
        }
        return new Verdict(checked, missing, duplicated, unexpected, examples);
    }
}
