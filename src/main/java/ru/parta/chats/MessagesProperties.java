package ru.parta.chats;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;
import ru.parta.shared.ChatAnswers;

/**
 * How new messages are written (see {@link MessageWriter}).
 *
 * @param writers threads that write new messages, each owning the chats whose id modulo {@code writers} is its number;
 *     each holds one database connection while it writes, so keep it well below the connection pool's size. Fewer
 *     writers make bigger batches (less database work per message) but serialise more; 2 measured best on 2 cores
 * @param maxBatch most messages one writer puts into one transaction
 * @param senderCacheTtl how long a chat's members and their roles are kept in memory for the checks before a send
 *     ({@link Senders}); changes made on this node apply at once, and in cluster mode nothing is kept; 0 reads them on
 *     every send
 */
@Validated
@ConfigurationProperties("parta.messages")
public record MessagesProperties(
        @DefaultValue("2") @Min(1) @Max(64) int writers,
        @DefaultValue("64") @Min(1) @Max(1000) int maxBatch,
        @DefaultValue("1s") @NotNull Duration senderCacheTtl) {

    public MessagesProperties {
        ChatAnswers.checkTtl("parta.messages.sender-cache-ttl", senderCacheTtl);
    }
}
