package ru.parta.support;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.test.context.TestComponent;
import ru.parta.chats.MessageView;
import ru.parta.chats.SendPolicy;

/**
 * A send policy for tests that can hold the writing transaction of one chat's next message open (it blocks in
 * {@link #stored}), so that the sends that follow queue up behind it. Inert until {@link #hold} is called.
 */
@TestComponent
public class SendGate implements SendPolicy {

    private volatile long chatId = -1;
    private volatile CountDownLatch entered = new CountDownLatch(1);
    private volatile CountDownLatch released = new CountDownLatch(0);

    @Override
    public Verdict check(Attempt attempt) {
        return Verdict.ALLOW;
    }

    @Override
    public void stored(Attempt attempt, MessageView message, Verdict verdict) {
        if (attempt.chatId() == chatId && !attempt.edit()) {
            chatId = -1;
            entered.countDown();
            try {
                if (!released.await(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("The test never released the gate");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The next new message of {@code chat} holds its transaction open until {@link #release}. */
    public void hold(long chat) {
        entered = new CountDownLatch(1);
        released = new CountDownLatch(1);
        chatId = chat;
    }

    /** Waits until the held message's transaction is open and blocked. */
    public void awaitHolding() throws InterruptedException {
        if (!entered.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("No message reached the gate");
        }
    }

    public void release() {
        released.countDown();
    }
}
