package ru.parta.safety;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import ru.parta.accounts.CurrentUser;
import ru.parta.chats.SendPolicy;

/**
 * Anti-flood: per-sender and per-chat limits on new messages and a per-user limit on searches, each over a one-minute
 * window, kept in memory (a restart forgets them). Over a limit: 429 RATE_LIMITED with {@code Retry-After}.
 */
@Component
@Order(30)
class FloodLimits implements SendPolicy, HandlerInterceptor {

    private static final long WINDOW_MILLIS = 60_000;

    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    private volatile int sendsPerMinute;
    private volatile int chatSendsPerMinute;
    private volatile int searchesPerMinute;

    FloodLimits(SafetyProperties properties) {
        limits(properties.sendsPerMinute(), properties.chatSendsPerMinute(), properties.searchesPerMinute());
    }

    void limits(int sends, int chatSends, int searches) {
        this.sendsPerMinute = sends;
        this.chatSendsPerMinute = chatSends;
        this.searchesPerMinute = searches;
        windows.clear();
    }

    @Override
    public Verdict check(Attempt attempt) {
        if (!attempt.edit()) {
            take("sender:" + attempt.senderId(), sendsPerMinute);
            take("chat:" + attempt.chatId(), chatSendsPerMinute);
        }
        return Verdict.ALLOW;
    }

    /** Counts searches (registered for {@code /api/v1/search}). */
    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof CurrentUser user) {
            take("search:" + user.userId(), searchesPerMinute);
        }
        return true;
    }

    private void take(String key, int limit) {
        long now = System.currentTimeMillis();
        if (windows.size() > 100_000) {
            windows.values().removeIf(w -> w.start + WINDOW_MILLIS <= now);
        }
        Window window = windows.computeIfAbsent(key, k -> new Window());
        synchronized (window) {
            if (window.start + WINDOW_MILLIS <= now) {
                window.start = now;
                window.count = 0;
            }
            if (window.count >= limit) {
                long retry = Math.max(1, (window.start + WINDOW_MILLIS - now + 999) / 1000);
                throw new SafetyErrors.RateLimited(retry);
            }
            window.count++;
        }
    }

    private static final class Window {
        long start;
        int count;
    }
}
