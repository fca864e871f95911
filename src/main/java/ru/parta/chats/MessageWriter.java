package ru.parta.chats;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Group commit of new messages: sends that arrive while a write is in flight are written together in one transaction
 * instead of one transaction each, which is what a message costs the database most.
 *
 * <p>Guarantees:
 *
 * <ul>
 *   <li>A chat's messages always go to the same writer ({@code chatId % writers}), which writes them in the order they
 *       were handed over; two writers never lock the same chat.
 *   <li>Positions stay gap-free and become visible in order: a batch takes each chat's positions with one UPDATE that
 *       holds the chat row's lock until commit (see {@link ChatEventLog}).
 *   <li>A batch is all or nothing. If it fails for any reason (a client id already used, a sender removed since the
 *       checks, a deadlock, a lost connection), it is rolled back and each of its messages is written again on its
 *       own, so one bad send never costs the others, and every caller gets its own answer. Retries of messages already
 *       stored are answered first, and the rest written together again: resent outboxes do not turn group commit
 *       into one transaction per message.
 *   <li>A batch costs two statements whatever its size: one takes the chats' positions and message ids, one inserts
 *       the messages and their events and reads the recipients. Each round trip is a wait for a busy core, so fewer
 *       keep the transaction, and every send queued behind it, short.
 *   <li>Nothing waits for a batch to fill: a writer takes whatever is queued when it becomes free. Under light load a
 *       batch is one message.
 *   <li>Pushes happen only after commit. Before start and after stop, callers write their message themselves.
 * </ul>
 *
 * <p>Hazard: {@link #write} blocks until the message is written; call it from a request or virtual thread, never from
 * an event loop.
 */
@Component
class MessageWriter implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MessageWriter.class);

    private final MessagesProperties properties;
    private final TransactionTemplate tx;
    private final ChatEventLog events;
    private final Messages messages;
    private final SendPolicies policies;
    private final ChatMetrics metrics;
    private final List<BlockingQueue<Pending>> queues = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;

    private record Pending(NewMessage message, CompletableFuture<MessageView> done) {}

    MessageWriter(
            MessagesProperties properties,
            TransactionTemplate tx,
            ChatEventLog events,
            Messages messages,
            SendPolicies policies,
            ChatMetrics metrics) {
        this.metrics = metrics;
        this.properties = properties;
        this.tx = tx;
        this.events = events;
        this.messages = messages;
        this.policies = policies;
        for (int i = 0; i < properties.writers(); i++) {
            queues.add(new LinkedBlockingQueue<>());
        }
    }

    /**
     * Writes a checked message and returns it as stored.
     *
     * @throws MessageService.DuplicateSend if the sender already used the client id
     */
    MessageView write(NewMessage message) {
        BlockingQueue<Pending> queue = queue(message.chatId());
        var pending = new Pending(message, new CompletableFuture<>());
        queue.add(pending);
        if (!running && queue.remove(pending)) {
            return writeAlone(message, UnaryOperator.identity());
        }
        try {
            return pending.done().join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    private BlockingQueue<Pending> queue(long chatId) {
        return queues.get((int) Math.floorMod(chatId, (long) queues.size()));
    }

    /** Messages waiting for the writer that owns the chat. */
    int queued(long chatId) {
        return queue(chatId).size();
    }

    /** Whether the two chats' messages are written by the same writer (and so may share a transaction). */
    boolean sameWriter(long chatId, long otherChatId) {
        return queue(chatId) == queue(otherChatId);
    }

    /** Writes one message in its own transaction; {@code completed} may add to it before its event is appended. */
    MessageView writeAlone(NewMessage message, UnaryOperator<MessageView> completed) {
        return tx.execute(s -> {
            ChatEventLog.MessageSlot slot = events.nextMessagePosition(message.chatId());
            MessageView stored = messages.insert(message, slot.messageId(), slot.position())
                    .map(completed)
                    .orElseThrow(MessageService.DuplicateSend::new);
            policies.stored(message.attempt(), stored, message.verdict());
            long[] members =
                    events.appendToMembers(message.chatId(), slot.position(), "message.new", Map.of("message", stored));
            if (!contains(members, message.senderId())) {
                throw ChatService.notFound();
            }
            return stored;
        });
    }

    private void run(BlockingQueue<Pending> queue) {
        List<Pending> batch = new ArrayList<>(properties.maxBatch());
        while (running || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, properties.maxBatch() - 1);
                write(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Throwable e) {
                log.error("Message writer failed; its batch is answered with the failure", e);
                batch.forEach(p -> p.done().completeExceptionally(e));
            }
            batch.clear();
        }
    }

    private void write(List<Pending> batch) {
        metrics.batch(batch.size());
        if (writtenTogether(batch)) {
            return;
        }
        List<Pending> fresh = answerRetries(batch);
        if (fresh.size() < batch.size() && !fresh.isEmpty() && writtenTogether(fresh)) {
            return;
        }
        for (Pending p : fresh) {
            try {
                p.done().complete(writeAlone(p.message(), UnaryOperator.identity()));
            } catch (RuntimeException e) {
                p.done().completeExceptionally(e);
            }
        }
    }

    /** Writes the batch in one transaction and answers its callers; false (nothing kept, nobody answered) if refused. */
    private boolean writtenTogether(List<Pending> batch) {
        List<MessageView> written;
        try {
            written = tx.execute(s -> together(batch));
        } catch (BatchRefused e) {
            return false;
        } catch (RuntimeException e) {
            log.warn("A batch of {} new messages failed; writing them one by one", batch.size(), e);
            return false;
        }
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).done().complete(written.get(i));
        }
        return true;
    }

    /**
     * Answers the retries of messages already stored (their callers reply with the original) and returns the rest. A
     * batch refused only because it held retries, as after a reconnect when clients resend their outboxes, is then
     * written together again instead of one by one.
     */
    private List<Pending> answerRetries(List<Pending> batch) {
        Long[] senders = new Long[batch.size()];
        String[] clientIds = new String[batch.size()];
        for (int i = 0; i < batch.size(); i++) {
            senders[i] = batch.get(i).message().senderId();
            clientIds[i] = batch.get(i).message().clientId();
        }
        Set<String> taken;
        try {
            taken = messages.takenClientIds(senders, clientIds);
        } catch (RuntimeException e) {
            return batch;
        }
        if (taken.isEmpty()) {
            return batch;
        }
        List<Pending> fresh = new ArrayList<>(batch.size());
        for (Pending p : batch) {
            if (taken.contains(p.message().senderId() + ":" + p.message().clientId())) {
                p.done().completeExceptionally(new MessageService.DuplicateSend());
            } else {
                fresh.add(p);
            }
        }
        return fresh;
    }

    /** Writes the whole batch in the current transaction, or throws so that it rolls back. */
    private List<MessageView> together(List<Pending> batch) {
        Map<Long, Integer> counts = new LinkedHashMap<>();
        batch.forEach(p -> counts.merge(p.message().chatId(), 1, Integer::sum));
        Long[] chatIds = counts.keySet().toArray(Long[]::new);
        var slots = events.nextMessagePositions(chatIds, counts.values().toArray(Integer[]::new));
        if (slots.size() != chatIds.length) {
            throw new BatchRefused();
        }
        Map<Long, Integer> taken = new HashMap<>();
        List<MessageView> views = new ArrayList<>(batch.size());
        for (Pending p : batch) {
            NewMessage m = p.message();
            var slot = slots.get(m.chatId());
            int i = taken.merge(m.chatId(), 1, Integer::sum) - 1;
            views.add(m.stored(slot.messageIds()[i], slot.firstPosition() + i, slot.at()));
        }
        Map<Long, long[]> members = events.appendNewMessages(views);
        if (members == null) {
            throw new BatchRefused();
        }
        for (Pending p : batch) {
            if (!contains(members.get(p.message().chatId()), p.message().senderId())) {
                throw new BatchRefused();
            }
        }
        for (int i = 0; i < views.size(); i++) {
            NewMessage m = batch.get(i).message();
            policies.stored(m.attempt(), views.get(i), m.verdict());
        }
        return views;
    }

    private static boolean contains(long[] ids, long id) {
        if (ids != null) {
            for (long candidate : ids) {
                if (candidate == id) {
                    return true;
                }
            }
        }
        return false;
    }

    @Override
    public void start() {
        running = true;
        for (int i = 0; i < queues.size(); i++) {
            BlockingQueue<Pending> queue = queues.get(i);
            threads.add(Thread.ofPlatform()
                    .name("parta-message-writer-" + i)
                    .daemon()
                    .start(() -> run(queue)));
        }
    }

    @Override
    public void stop() {
        running = false;
        for (Thread thread : threads) {
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        threads.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops after the servers that hand messages in. */
    @Override
    public int getPhase() {
        return 0;
    }

    /** Rolls a batch back so that its messages are written one by one. */
    private static final class BatchRefused extends RuntimeException {
        BatchRefused() {
            super(null, null, false, false);
        }
    }
}
