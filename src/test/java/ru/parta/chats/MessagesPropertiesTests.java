package ru.parta.chats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class MessagesPropertiesTests {

    @Test
    void refusesASenderCacheTtlOutsideZeroToOneMinute() {
        assertThatThrownBy(() -> new MessagesProperties(2, 64, Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("parta.messages.sender-cache-ttl");
        assertThatThrownBy(() -> new MessagesProperties(2, 64, Duration.ofMinutes(2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("between 0 and 1m");
        assertThat(new MessagesProperties(2, 64, Duration.ZERO).senderCacheTtl())
                .isZero();
    }
}
