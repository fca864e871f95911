package ru.parta.accounts;

import java.time.Duration;
import java.util.Locale;
import org.springframework.stereotype.Component;
import ru.parta.shared.Backoff;
import ru.parta.shared.RateCounters;

/**
 * Slows down password guessing per account and per address (see {@link Backoff}); a success clears the account's
 * counter. The counters live in {@link RateCounters}: in a cluster, failures on one node back off every node.
 */
@Component
class LoginBackoff {

    private final Backoff accounts;
    private final Backoff addresses;

    LoginBackoff(AccountsProperties properties, RateCounters counters) {
        this.accounts =
                new Backoff("login.account", properties.freeFailuresPerAccount(), properties.maxBackoff(), counters);
        this.addresses =
                new Backoff("login.address", properties.freeFailuresPerAddress(), properties.maxBackoff(), counters);
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
