package ru.parta.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.parta.support.Api;
import ru.parta.support.IntegrationTest;

/** The load tool in-process against a full server: a short run must lose and duplicate nothing. */
@IntegrationTest
class BenchIntegrationTests {

    @Autowired
    Api api;

    @Test
    void shortRunDeliversEveryMessageExactlyOnce() {
        Api.Session admin = api.newUser("Администратор", true);
        var options = BenchOptions.parse(
                "--target", api.base(),
                "--admin-login", admin.login(),
                "--admin-password", Api.PASSWORD,
                "--sessions", "none",
                "--users", "40",
                "--chat-size", "10",
                "--rate", "20",
                "--warmup", "1s",
                "--duration", "5s",
                "--drain", "20s");
        var log = new ByteArrayOutputStream();
        BenchResult result = Bench.runForTest(options, new PrintStream(log, true, StandardCharsets.UTF_8));

        assertThat(result.connections).isEqualTo(40);
        assertThat(result.connectFailures).isZero();
        assertThat(result.errorCount()).as(log.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(result.accepted).isGreaterThanOrEqualTo(110);
        assertThat(result.verdict.ok()).as(result.verdict.summary()).isTrue();
        assertThat(result.verdict.missing()).isZero();
        assertThat(result.verdict.duplicated()).isZero();
        assertThat(result.verdict.checked()).isEqualTo(result.accepted * 10);
        assertThat(result.deliveriesPerSecond).isPositive();
        assertThat(result.latency().count()).isPositive();
        assertThat(result.acceptedPerSecond).isBetween(15.0, 25.0);
    }

    @Test
    void secondRunReusesTheDistrictAndSendsOverHttpAsWell() {
        Api.Session admin = api.newUser("Администратор", true);
        String[] args = {
            "--target", api.base(),
            "--admin-login", admin.login(),
            "--admin-password", Api.PASSWORD,
            "--sessions", "none",
            "--users", "20",
            "--chat-size", "10",
            "--rate", "10",
            "--warmup", "0s",
            "--duration", "2s"
        };
        var out = new ByteArrayOutputStream();
        int first = Bench.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        String[] overHttp = java.util.stream.Stream.concat(
                        java.util.Arrays.stream(args), java.util.stream.Stream.of("--send-over", "http"))
                .toArray(String[]::new);
        int second = Bench.run(overHttp, new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        assertThat(first).isZero();
        assertThat(second).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("exactly-once: OK")
                .contains("(0 created");
    }
}
