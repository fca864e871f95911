package ru.parta.accounts;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates a request from {@code Authorization: Bearer} or the session cookie. A cookie-authenticated unsafe
 * request whose Origin is another site is refused ({@code CSRF_REJECTED}); bearer tokens are not sent by browsers on
 * their own, so they need no such check.
 */
class TokenAuthenticationFilter extends OncePerRequestFilter {

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    private final Sessions sessions;
    private final JsonErrors errors;

    TokenAuthenticationFilter(Sessions sessions, JsonErrors errors) {
        this.sessions = sessions;
        this.errors = errors;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        String token = null;
        boolean fromCookie = false;
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            token = header.substring(7).strip();
        } else if (request.getCookies() != null) {
            for (Cookie c : request.getCookies()) {
                if (AccountsController.COOKIE.equals(c.getName())
                        && !c.getValue().isEmpty()) {
                    token = c.getValue();
                    fromCookie = true;
                }
            }
        }
        if (token != null) {
            var user = sessions.authenticate(token);
            if (user.isPresent()) {
                if (fromCookie && !SAFE.contains(request.getMethod()) && crossOrigin(request)) {
                    errors.write(request, response, 403, "CSRF_REJECTED");
                    return;
                }
                var authorities = user.get().systemAdmin()
                        ? List.of(
                                new SimpleGrantedAuthority("ROLE_USER"),
                                new SimpleGrantedAuthority("ROLE_SYSTEM_ADMIN"))
                        : List.of(new SimpleGrantedAuthority("ROLE_USER"));
                SecurityContextHolder.getContext()
                        .setAuthentication(new UsernamePasswordAuthenticationToken(user.get(), null, authorities));
            }
        }
        chain.doFilter(request, response);
    }

    private static boolean crossOrigin(HttpServletRequest request) {
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        if (origin == null) {
            return false;
        }
        try {
            String host = request.getHeader(HttpHeaders.HOST);
            URI uri = URI.create(origin);
            String originHost = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
            return host == null || !host.equalsIgnoreCase(originHost);
        } catch (IllegalArgumentException e) {
            return true;
        }
    }
}
