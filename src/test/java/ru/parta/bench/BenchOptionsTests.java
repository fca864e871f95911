package ru.parta.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BenchOptionsTests {

    @Test
    void defaultsAreSane() {
        var o = BenchOptions.parse();
        assertThat(o.target().toString()).isEqualTo("http://127.0.0.1:8080");
        assertThat(o.users()).isEqualTo(300);
        assertThat(o.chatSize()).isEqualTo(30);
        assertThat(o.duration()).isEqualTo(Duration.ofSeconds(30));
        assertThat(o.warmup()).isEqualTo(Duration.ofSeconds(20));
        assertThat(o.connectOnly()).isFalse();
        assertThat(o.groupCount()).isEqualTo(10);
    }

    @Test
    void parsesEveryOption() {
        var o = BenchOptions.parse(
                "--target",
                "http://127.0.0.5:18080/",
                "--users=1000",
                "--chat-size",
                "10",
                "--channels",
                "2",
                "--channel-size",
                "500",
                "--rate",
                "200",
                "--channel-rate",
                "1",
                "--duration",
                "1m",
                "--warmup",
                "500ms",
                "--connect-only",
                "--connections-per-user",
                "3",
                "--json",
                "out.json",
                "--admin-login",
                "root",
                "--admin-password",
                "secret-1");
        assertThat(o.target().getPort()).isEqualTo(18080);
        assertThat(o.users()).isEqualTo(1000);
        assertThat(o.chatSize()).isEqualTo(10);
        assertThat(o.channels()).isEqualTo(2);
        assertThat(o.channelSize()).isEqualTo(500);
        assertThat(o.rate()).isEqualTo(200);
        assertThat(o.channelRate()).isEqualTo(1);
        assertThat(o.duration()).isEqualTo(Duration.ofMinutes(1));
        assertThat(o.warmup()).isEqualTo(Duration.ofMillis(500));
        assertThat(o.connectOnly()).isTrue();
        assertThat(o.totalConnections()).isEqualTo(3000);
        assertThat(o.json()).isEqualTo("out.json");
        assertThat(o.adminLogin()).isEqualTo("root");
    }

    @Test
    void sendsOverTheStreamUnlessHttpIsAsked() {
        assertThat(BenchOptions.parse().sendOverHttp()).isFalse();
        assertThat(BenchOptions.parse("--send-over", "http").sendOverHttp()).isTrue();
        assertThat(BenchOptions.parse("--send-over", "stream").sendOverHttp()).isFalse();
        assertThatThrownBy(() -> BenchOptions.parse("--send-over", "pigeon"))
                .isInstanceOf(BenchOptions.InvalidOptionException.class)
                .hasMessageContaining("stream or http");
    }

    @Test
    void refusesSeveralClientProcessesOutsideConnectOnly() {
        assertThatThrownBy(() -> BenchOptions.parse("--users", "100", "--processes", "2"))
                .isInstanceOf(BenchOptions.InvalidOptionException.class)
                .hasMessageContaining("--connect-only");
        assertThatThrownBy(() -> BenchOptions.parse("--connect-only", "--processes", "2", "--worker", "2"))
                .isInstanceOf(BenchOptions.InvalidOptionException.class)
                .hasMessageContaining("--worker 2");
    }

    @Test
    void clientProcessesShareTheUsersWithoutGapsOrOverlaps() {
        int users = 19_001;
        int processes = 3;
        int next = 0;
        for (int worker = 0; worker < processes; worker++) {
            var args = new java.util.ArrayList<>(java.util.List.of(
                    "--connect-only", "--users", String.valueOf(users), "--processes", String.valueOf(processes)));
            if (worker > 0) {
                args.addAll(java.util.List.of("--worker", String.valueOf(worker)));
            }
            var o = BenchOptions.parse(args.toArray(String[]::new));
            assertThat(o.firstUser()).isEqualTo(next);
            assertThat(o.endUser() - o.firstUser()).isBetween(users / processes, users / processes + 1);
            next = o.endUser();
        }
        assertThat(next).isEqualTo(users);
    }

    @Test
    void acceptsLoopbackNamesAndAddresses() {
        assertThat(BenchOptions.parse("--target", "http://localhost:8080")
                        .target()
                        .getHost())
                .isEqualTo("localhost");
        assertThat(BenchOptions.parse("--target", "http://127.1.2.3:8080")
                        .target()
                        .getHost())
                .isEqualTo("127.1.2.3");
        assertThat(BenchOptions.parse("--target", "http://[::1]:8080").target().getHost())
                .isEqualTo("[::1]");
    }

    @Test
    void refusesNonLoopbackTargets() {
        assertThatThrownBy(() -> BenchOptions.parse("--target", "http://10.0.0.5:8080"))
                .isInstanceOf(BenchOptions.InvalidOptionException.class)
                .hasMessageContaining("not a loopback address")
                .hasMessageContaining("--allow-remote");
        assertThatThrownBy(() -> BenchOptions.parse("--target", "http://192.168.1.1"))
                .hasMessageContaining("not a loopback address");
        assertThatThrownBy(() -> BenchOptions.parse("--target", "http://8.8.8.8:80"))
                .hasMessageContaining("not a loopback address");
    }

    @Test
    void streamTargetsSpreadConnectionsOverClusterNodesOnLoopbackOnly() {
        var single = BenchOptions.parse("--target", "http://127.0.0.1:18080");
        assertThat(single.streamTargets()).containsExactly(single.target());
        assertThat(single.nodes()).containsExactly(single.target());
        var cluster = BenchOptions.parse(
                "--target",
                "http://127.0.0.1:18080",
                "--stream-targets",
                "http://127.0.0.1:18080, http://127.0.0.1:28080/");
        assertThat(cluster.streamTargets())
                .extracting(Object::toString)
                .containsExactly("http://127.0.0.1:18080", "http://127.0.0.1:28080");
        assertThat(cluster.nodes())
                .extracting(Object::toString)
                .containsExactly("http://127.0.0.1:18080", "http://127.0.0.1:28080");
        assertThatThrownBy(() -> BenchOptions.parse("--stream-targets", "http://10.0.0.7:8080"))
                .isInstanceOf(BenchOptions.InvalidOptionException.class)
                .hasMessageContaining("not a loopback address");
    }

    @Test
    void allowRemoteMustNameTheHost() {
        assertThatThrownBy(() -> BenchOptions.parse("--target", "http://10.0.0.5:8080", "--allow-remote", "10.0.0.6"))
                .hasMessageContaining("not a loopback address");
        var o = BenchOptions.parse("--target", "http://10.0.0.5:8080", "--allow-remote", "10.0.0.5");
        assertThat(o.target().getHost()).isEqualTo("10.0.0.5");
    }

    @Test
    void refusesAbsurdValues() {
        assertThatThrownBy(() -> BenchOptions.parse("--users", "0")).hasMessageContaining("--users must be between");
        assertThatThrownBy(() -> BenchOptions.parse("--users", "10000000"))
                .hasMessageContaining("--users must be between");
        assertThatThrownBy(() -> BenchOptions.parse("--rate", "1e9")).hasMessageContaining("--rate must be between");
        assertThatThrownBy(() -> BenchOptions.parse("--rate", "-5")).hasMessageContaining("--rate must be between");
        assertThatThrownBy(() -> BenchOptions.parse("--duration", "5h"))
                .hasMessageContaining("--duration must be between");
        assertThatThrownBy(() -> BenchOptions.parse("--duration", "soon")).hasMessageContaining("needs a duration");
        assertThatThrownBy(() -> BenchOptions.parse("--users", "lots")).hasMessageContaining("whole number");
        assertThatThrownBy(() -> BenchOptions.parse("--users", "20", "--chat-size", "30"))
                .hasMessageContaining("no chat can be filled");
        assertThatThrownBy(() -> BenchOptions.parse("--channels", "1", "--channel-size", "5000"))
                .hasMessageContaining("larger than --users");
        assertThatThrownBy(() -> BenchOptions.parse("--users", "50000", "--connections-per-user", "50"))
                .hasMessageContaining("connections");
        assertThatThrownBy(() -> BenchOptions.parse("--bogus", "1")).hasMessageContaining("Unknown option");
        assertThatThrownBy(() -> BenchOptions.parse("--users")).hasMessageContaining("needs a value");
        assertThatThrownBy(() -> BenchOptions.parse("--target", "ftp://127.0.0.1/"))
                .hasMessageContaining("http");
    }

    @Test
    void refusesAbsurdFanOut() {
        assertThatThrownBy(() -> BenchOptions.parse("--users", "20000", "--chat-size", "500", "--rate", "5000"))
                .hasMessageContaining("absurd");
    }

    @Test
    void refusedOptionsExitWithTwoAndAMessage() {
        var err = new java.io.ByteArrayOutputStream();
        int code = Bench.run(
                new String[] {"--target", "http://10.1.1.1:8080"},
                new java.io.PrintStream(new java.io.ByteArrayOutputStream()),
                new java.io.PrintStream(err));
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("Refusing to load");
    }
}
