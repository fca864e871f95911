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
 * their own, so they need no such check. A system administrator who must still enrol a TOTP second factor reaches
 * only their profile, the enrolment endpoints and sign-out; everything else answers {@code 403
 * TOTP_ENROLMENT_REQUIRED}.
 */
class TokenAuthenticationFilter extends OncePerRequestFilter {

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    private static final Set<String> WHILE_ENROLLING =
            Set.of("/api/v1/me", "/api/v1/me/totp", "/api/v1/me/totp/confirm", "/api/v1/auth/logout");

    private final Sessions sessions;
    private final JsonErrors errors;
    private final SecondFactor secondFactor;

    TokenAuthenticationFilter(Sessions sessions, JsonErrors errors, SecondFactor secondFactor) {
        this.sessions = sessions;
        this.errors = errors;
        this.secondFactor = secondFactor;
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
                if (user.get().systemAdmin()
                        && request.getRequestURI().startsWith("/api/")
                        && !WHILE_ENROLLING.contains(request.getRequestURI())
                        && secondFactor.enrolmentPending(user.get())) {
                    errors.write(request, response, 403, "TOTP_ENROLMENT_REQUIRED");
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
