package ru.parta.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import ru.parta.support.IntegrationTest;

/**
 * Sends more than 10,000 random and malformed requests at every endpoint the handler mapping lists, as several roles.
 * Two kinds: requests that must be refused (malformed JSON, wrong content types, missing bodies, garbage and
 * non-existent ids, other schools' resources) — each must get a 4xx in the error shape, and a batch of them must leave
 * the database exactly as it was; and hostile but well-formed requests (NUL, lone surrogates, RTL, emoji, huge texts,
 * wrong types, extreme numbers in every field) — which may succeed, but never with a 5xx, and every refusal has the
 * error shape. The seed is printed in a failure; {@code -Dfuzz.seed=} and {@code -Dfuzz.requests=} reproduce or scale.
 */
@IntegrationTest
class ApiFuzzIntegrationTests extends SafetyTestBase {

    private static final int BATCH = 40;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    @Test
    void noRequestCausesAServerErrorAndRefusedRequestsChangeNothing() throws Exception {
        long seed = Long.getLong("fuzz.seed", System.nanoTime());
        int total = Integer.getInteger("fuzz.requests", 10_400);
        var raw = new RawHttp(api.base());
        var targets = FuzzTargets.build(api, raw, fixture, d, people);
        var requests = new FuzzRequests(Endpoints.of(mapping).all(), new FuzzValues(seed), targets, d);
        var checksum = new DatabaseChecksum(jdbc);
        List<String> failures = new ArrayList<>();
        int refusedBatches = 0;
        int sent = 0;
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            // First the requests that must all be refused, in batches between two fingerprints of the database.
            int mustRefuse = total * 3 / 5;
            while (sent < mustRefuse && failures.size() < 20) {
                List<FuzzRequests.Request> batch = new ArrayList<>();
                for (int i = 0; i < BATCH; i++) {
                    batch.add(requests.mustBeRefused());
                }
                String before = checksum.take();
                var answers = send(pool, raw, batch);
                sent += batch.size();
                for (int i = 0; i < batch.size(); i++) {
                    var a = answers.get(i);
                    if (a.status() < 400 || a.status() >= 500 || !a.isApiError() || missingRetryAfter(a)) {
                        failures.add(describe(batch.get(i), a));
                    }
                }
                String after = checksum.take();
                if (!before.equals(after)) {
                    failures.add("refused batch changed the database: " + diff(before, after) + " batch: "
                            + batch.stream().map(FuzzRequests.Request::toString).toList());
                }
                refusedBatches++;
            }
            // Then hostile but well-formed requests: anything but a server error, refusals in the error shape.
            while (sent < total && failures.size() < 20) {
                List<FuzzRequests.Request> batch = new ArrayList<>();
                for (int i = 0; i < BATCH; i++) {
                    batch.add(requests.hostile());
                }
                var answers = send(pool, raw, batch);
                sent += batch.size();
                for (int i = 0; i < batch.size(); i++) {
                    var a = answers.get(i);
                    if (a.status() >= 500 || (a.status() >= 400 && !a.isApiError()) || missingRetryAfter(a)) {
                        failures.add(describe(batch.get(i), a));
                    }
                }
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(failures).as("fuzz failures with seed " + seed).isEmpty();
        assertThat(sent).isGreaterThanOrEqualTo(Math.min(total, 10_000));
        assertThat(refusedBatches).isPositive();
    }

    private static List<RawHttp.Answer> send(ExecutorService pool, RawHttp raw, List<FuzzRequests.Request> batch)
            throws Exception {
        List<Future<RawHttp.Answer>> futures = new ArrayList<>();
        for (var r : batch) {
            futures.add(pool.submit(() -> raw.send(r.method(), r.path(), r.token(), r.contentType(), r.body())));
        }
        List<RawHttp.Answer> answers = new ArrayList<>();
        for (var f : futures) {
            answers.add(f.get());
        }
        return answers;
    }

    private static boolean missingRetryAfter(RawHttp.Answer a) {
        return a.status() == 429 && a.retryAfter().isEmpty();
    }

    private static String describe(FuzzRequests.Request r, RawHttp.Answer a) {
        String body = a.body() == null ? "" : a.body();
        return r + " -> " + a.status() + " " + (body.length() > 200 ? body.substring(0, 200) : body);
    }

    private static String diff(String before, String after) {
        List<String> b = List.of(before.split(" "));
        return Map.of(
                        "before",
                        b.stream().filter(t -> !after.contains(t)).toList(),
                        "after",
                        List.of(after.split(" ")).stream()
                                .filter(t -> !b.contains(t))
                                .toList())
                .toString();
    }
}
