package ru.parta.accounts;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

/**
 * The HTTP security rules: the API requires a session except sign-in and the public operational endpoints; the web
 * client's static files are public. Failures answer in the API error shape.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    SecurityFilterChain api(HttpSecurity http, Sessions sessions, JsonErrors errors, SecondFactor secondFactor)
            throws Exception {
        http.csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(b -> b.disable())
                .formLogin(f -> f.disable())
                .logout(l -> l.disable())
                .requestCache(c -> c.disable())
                .addFilterBefore(
                        new TokenAuthenticationFilter(sessions, errors, secondFactor),
                        AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(a -> a.requestMatchers(
                                "/api/v1/auth/login",
                                "/api/v1/activation/check",
                                "/api/v1/activation",
                                "/api/v1/password-reset",
                                "/api/v1/roster/template.*",
                                "/actuator/health/**",
                                "/actuator/prometheus",
                                "/v3/api-docs/**",
                                "/error")
                        .permitAll()
                        .requestMatchers(org.springframework.http.HttpMethod.GET, "/api/v1/join/*")
                        .permitAll()
                        .requestMatchers("/api/**", "/actuator/**")
                        .authenticated()
                        .anyRequest()
                        .permitAll())
                .exceptionHandling(e -> e.authenticationEntryPoint(
                                (req, res, ex) -> errors.write(req, res, 401, "UNAUTHENTICATED"))
                        .accessDeniedHandler((req, res, ex) -> errors.write(req, res, 403, "FORBIDDEN")))
                .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(
                        "default-src 'self'; connect-src 'self' ws: wss:; img-src 'self' data: blob:;"
                                + " media-src 'self' blob:; style-src 'self'; script-src 'self'; object-src 'none';"
                                + " frame-ancestors 'none'")));
        return http.build();
    }

    /** The firewall's refusals (an encoded slash, a dangerous header) answer 400 in the API error shape, not 500. */
    @Bean
    org.springframework.security.web.firewall.RequestRejectedHandler requestRejectedHandler(JsonErrors errors) {
        return (request, response, e) -> errors.write(request, response, 400, "BAD_REQUEST");
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder(10);
    }
}
