package ru.parta.safety;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import ru.parta.accounts.CurrentUser;
import ru.parta.chats.SendPolicy;
import ru.parta.shared.RateCounters;

/**
 * Anti-flood: per-sender and per-chat limits on new messages and a per-user limit on searches, each over a one-minute
 * window that opens at the first hit. Over a limit: 429 RATE_LIMITED with {@code Retry-After}. The counts live in
 * {@link RateCounters}: in memory on a single node (a restart forgets them), in PostgreSQL in a cluster, where a new
 * message costs one statement for both of its counters and the limits hold across all nodes.
 */
@Component
@Order(30)
class FloodLimits implements SendPolicy, HandlerInterceptor {

    private static final Duration WINDOW = Duration.ofMinutes(1);
    private static final String PREFIX = "flood.";

    private final RateCounters counters;
    private volatile int sendsPerMinute;
    private volatile int chatSendsPerMinute;
    private volatile int searchesPerMinute;

    FloodLimits(SafetyProperties properties, RateCounters counters) {
        this.counters = counters;
        limits(properties.sendsPerMinute(), properties.chatSendsPerMinute(), properties.searchesPerMinute());
    }

    /** New limits; every window starts afresh. */
    void limits(int sends, int chatSends, int searches) {
        this.sendsPerMinute = sends;
        this.chatSendsPerMinute = chatSends;
        this.searchesPerMinute = searches;
        counters.removeAll(PREFIX);
    }

    @Override
    public Verdict check(Attempt attempt) {
        if (!attempt.edit()) {
            String sender = PREFIX + "sender:" + attempt.senderId();
            String chat = PREFIX + "chat:" + attempt.chatId();
            var counts = counters.add(WINDOW, false, sender, chat);
            try {
                within(counts.get(sender), sendsPerMinute);
                within(counts.get(chat), chatSendsPerMinute);
            } catch (SafetyErrors.RateLimited e) {
                // a refused message must not use up the chat's budget (or the sender's)
                counters.takeBack(sender, chat);
                throw e;
            }
        }
        return Verdict.ALLOW;
    }

    /** A message counted by {@link #check} that was not stored after all uses up nothing. */
    @Override
    public void abandoned(Attempt attempt) {
        counters.takeBack(PREFIX + "sender:" + attempt.senderId(), PREFIX + "chat:" + attempt.chatId());
    }

    /** Counts searches (registered for {@code /api/v1/search}). */
    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof CurrentUser user) {
            String key = PREFIX + "search:" + user.userId();
            var count = counters.add(WINDOW, false, key).get(key);
            if (count.hits() > searchesPerMinute) {
                counters.takeBack(key);
                within(count, searchesPerMinute);
            }
        }
        return true;
    }

    private static void within(RateCounters.Count count, int limit) {
        if (count.hits() > limit) {
            long millis = Duration.between(count.now(), count.endsAt()).toMillis();
            throw new SafetyErrors.RateLimited(Math.max(1, (millis + 999) / 1000));
        }
    }
}
