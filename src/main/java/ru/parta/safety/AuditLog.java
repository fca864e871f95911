package ru.parta.safety;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.databind.json.JsonMapper;

/**
 * The append-only audit log of administrative actions: who, when, what, in which unit, from which address. The table
 * refuses UPDATE, DELETE and TRUNCATE (a trigger); each entry carries the SHA-256 of the previous entry's hash and its
 * own fields, so any change to a stored entry breaks the chain and {@link #verify()} finds it.
 */
@Component
public class AuditLog {

    static final String GENESIS = "0".repeat(64);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    AuditLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Entry(
            long id,
            Instant at,
            Long actorId,
            Long unitId,
            String action,
            String details,
            String address,
            String hash) {}

    public record Verification(boolean valid, long entries, Long brokenAt) {}

    /** Appends an entry in the caller's transaction (or its own); entries are chained in id order. */
    @Transactional
    public void record(Long actorId, Long unitId, String action, Map<String, ?> details) {
        jdbc.sql("select pg_advisory_xact_lock(7346201)").query().singleRow();
        String prev = jdbc.sql("select hash from audit_log order by id desc limit 1")
                .query(String.class)
                .optional()
                .orElse(GENESIS);
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        String json = JSON.writeValueAsString(new TreeMap<>(details == null ? Map.of() : details));
        String address = address();
        String hash = hash(prev, at, actorId, unitId, action, json, address);
        jdbc.sql("""
                        insert into audit_log (at, actor_id, unit_id, action, details, address, prev_hash, hash)
                        values (?, ?, ?, ?, ?, ?, ?, ?)
                        """)
                .params(Timestamp.from(at), actorId, unitId, action, json, address, prev, hash)
                .update();
    }

    /** Entries of a unit and every unit below it, newest first. */
    public List<Entry> ofUnit(long unitId, int limit) {
        return jdbc.sql("""
                        with recursive below(id) as (
                            select ?::bigint union select u.id from units u join below b on u.parent_id = b.id)
                        select * from audit_log where unit_id in (select id from below) order by id desc limit ?
                        """)
                .params(unitId, limit)
                .query((rs, n) -> new Entry(
                        rs.getLong("id"),
                        rs.getTimestamp("at").toInstant(),
                        (Long) rs.getObject("actor_id"),
                        (Long) rs.getObject("unit_id"),
                        rs.getString("action"),
                        rs.getString("details"),
                        rs.getString("address"),
                        rs.getString("hash")))
                .list();
    }

    /** Recomputes the whole chain. */
    public Verification verify() {
        String[] prev = {GENESIS};
        long[] count = {0};
        Long[] broken = {null};
        jdbc.sql("select * from audit_log order by id").query(rs -> {
            if (broken[0] != null) {
                return;
            }
            count[0]++;
            String expected = hash(
                    prev[0],
                    rs.getTimestamp("at").toInstant(),
                    (Long) rs.getObject("actor_id"),
                    (Long) rs.getObject("unit_id"),
                    rs.getString("action"),
                    rs.getString("details"),
                    rs.getString("address"));
            if (!rs.getString("prev_hash").equals(prev[0])
                    || !rs.getString("hash").equals(expected)) {
                broken[0] = rs.getLong("id");
            }
            prev[0] = rs.getString("hash");
        });
        return new Verification(broken[0] == null, count[0], broken[0]);
    }

    static String hash(
            String prev, Instant at, Long actorId, Long unitId, String action, String details, String address) {
        String text = String.join(
                "\u001f",
                prev,
                at.toString(),
                String.valueOf(actorId),
                String.valueOf(unitId),
                action,
                details,
                String.valueOf(address));
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String address() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getRemoteAddr();
        }
        return null;
    }
}
