package ru.parta.safety;

import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import ru.parta.accounts.Accounts;
import ru.parta.organizations.People;
import ru.parta.organizations.Units;
import ru.parta.support.Api;

/** Shared set-up of the safety integration tests: a fresh district per test. */
abstract class SafetyTestBase {

    @Autowired
    Api api;

    @Autowired
    Accounts accounts;

    @Autowired
    People people;

    @Autowired
    Units units;

    @Autowired
    JdbcClient jdbc;

    SchoolFixture fixture;
    SchoolFixture.District d;

    private static final Map<Class<?>, SchoolFixture.District> DISTRICTS =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** One district per test class (accounts are slow to create: passwords are hashed); tests must not clash. */
    @BeforeEach
    void district() {
        fixture = new SchoolFixture(api, accounts, people, units);
        d = DISTRICTS.computeIfAbsent(getClass(), k -> fixture.district());
    }

    Api.Response dm(Api.Session from, Api.Session to) {
        return api.post(from, "/api/v1/chats/direct", Map.of("userId", to.userId()));
    }

    long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    static String id() {
        return java.util.UUID.randomUUID().toString();
    }
}
