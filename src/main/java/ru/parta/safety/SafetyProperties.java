package ru.parta.safety;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;
import ru.parta.shared.ChatAnswers;

/**
 * Settings of the safety rules.
 *
 * @param wordFilter BLOCK refuses obscene messages (422 MESSAGE_BLOCKED), FLAG stores them and queues a report, OFF
 * @param sendsPerMinute messages one sender may send per minute, over all chats
 * @param chatSendsPerMinute messages one chat accepts per minute, from all senders
 * @param searchesPerMinute searches one user may run per minute
 * @param policyCacheTtl how long a chat's lesson mode, mutes and quiet-hour windows are kept in memory between sends;
 *     changes made on this node apply at once, and in cluster mode nothing is kept; 0 reads them on every send
 */
@Validated
@ConfigurationProperties("parta.safety")
public record SafetyProperties(
        @DefaultValue("BLOCK") @NotNull WordFilterMode wordFilter,
        @DefaultValue("60") @Min(1) int sendsPerMinute,
        @DefaultValue("600") @Min(1) int chatSendsPerMinute,
        @DefaultValue("30") @Min(1) int searchesPerMinute,
        @DefaultValue("1s") @NotNull Duration policyCacheTtl) {

    public SafetyProperties {
        ChatAnswers.checkTtl("parta.safety.policy-cache-ttl", policyCacheTtl);
    }

    public enum WordFilterMode {
        BLOCK,
        FLAG,
        OFF
    }
}
