package ru.parta.accounts;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import org.springframework.stereotype.Component;
import ru.parta.shared.Backoff;

/**
 * Slows down password guessing per account and per address (see {@link Backoff}); a success clears the account's
 * counter. Node-local for now; the cluster issue moves it to shared storage.
 */
@Component
class LoginBackoff {

    private final Backoff accounts;
    private final Backoff addresses;

    LoginBackoff(AccountsProperties properties, Clock clock) {
        this.accounts = new Backoff(properties.freeFailuresPerAccount(), properties.maxBackoff(), clock);
        this.addresses = new Backoff(properties.freeFailuresPerAddress(), properties.maxBackoff(), clock);
    }

    Duration waitFor(String login, String address) {
        Duration a = accounts.waitFor(login.toLowerCase(Locale.ROOT));
        Duration b = addresses.waitFor(address);
        return a.compareTo(b) >= 0 ? a : b;
    }

    void failed(String login, String address) {
        accounts.failed(login.toLowerCase(Locale.ROOT));
        addresses.failed(address);
    }

    void succeeded(String login) {
        accounts.succeeded(login.toLowerCase(Locale.ROOT));
    }
}
