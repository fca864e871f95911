package ru.parta.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

class ChatAnswersTests {

    private final AtomicInteger lookups = new AtomicInteger();

    private String lookup(long chatId) {
        return chatId + ":" + lookups.incrementAndGet();
    }

    @Test
    void keepsAChatsAnswerWhileItIsFresh() {
        var answers = new ChatAnswers<String>(Duration.ofMinutes(1));
        assertThat(answers.get(1, this::lookup)).isEqualTo("1:1");
        assertThat(answers.get(1, this::lookup)).isEqualTo("1:1");
        assertThat(answers.get(2, this::lookup)).isEqualTo("2:2");
        assertThat(lookups).hasValue(2);
    }

    @Test
    void readsAgainAfterTheTimeToLive() {
        var answers = new ChatAnswers<String>(Duration.ofNanos(1));
        answers.get(1, this::lookup);
        assertThat(answers.get(1, this::lookup)).isEqualTo("1:2");
    }

    @Test
    void zeroTimeToLiveReadsEveryTime() {
        var answers = new ChatAnswers<String>(Duration.ZERO);
        answers.get(1, this::lookup);
        answers.get(1, this::lookup);
        assertThat(lookups).hasValue(2);
    }

    @Test
    void isOffInClusterModeWhereAnotherNodesChangeMustHoldAtOnce() {
        ChatAnswers<String> clustered = ChatAnswers.onThisNode(Duration.ofMinutes(1), true);
        clustered.get(1, this::lookup);
        clustered.get(1, this::lookup);
        assertThat(lookups).hasValue(2);
        ChatAnswers<String> single = ChatAnswers.onThisNode(Duration.ofMinutes(1), false);
        single.get(1, this::lookup);
        single.get(1, this::lookup);
        assertThat(lookups).hasValue(3);
    }

    @Test
    void forgettingAChatOrAllMakesTheNextSendReadAgain() {
        var answers = new ChatAnswers<String>(Duration.ofMinutes(1));
        answers.get(1, this::lookup);
        answers.get(2, this::lookup);
        answers.forget(1);
        assertThat(answers.get(1, this::lookup)).isEqualTo("1:3");
        assertThat(answers.get(2, this::lookup)).isEqualTo("2:2");
        answers.forgetAll();
        assertThat(answers.get(2, this::lookup)).isEqualTo("2:4");
    }

    @Test
    void doesNotKeepAnAnswerReadWhileAChangeWasForgotten() {
        var answers = new ChatAnswers<String>(Duration.ofMinutes(1));
        String raced = answers.get(1, chatId -> {
            String before = lookup(chatId);
            answers.forget(chatId); // a moderator's change commits while this send reads the old state
            return before;
        });
        assertThat(raced).isEqualTo("1:1");
        assertThat(answers.get(1, this::lookup)).isEqualTo("1:2");
    }

    @Test
    void forgetsAgainWhenTheChangingTransactionCompletes() {
        var answers = new ChatAnswers<String>(Duration.ofMinutes(1));
        TransactionSynchronizationManager.initSynchronization();
        try {
            answers.forget(1);
            // a send reads the state before the change commits, and keeps it
            answers.get(1, this::lookup);
            for (TransactionSynchronization s : TransactionSynchronizationManager.getSynchronizations()) {
                s.afterCompletion(TransactionSynchronization.STATUS_COMMITTED);
            }
        } finally {
            TransactionSynchronizationManager.clearSynchronization();
        }
        assertThat(answers.get(1, this::lookup)).isEqualTo("1:2");
    }
}
