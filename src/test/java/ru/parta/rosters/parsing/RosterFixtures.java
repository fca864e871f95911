package ru.parta.rosters.parsing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** Helpers shared by the roster tests: a fixed clock, the sample file and in-memory encoding of test input. */
final class RosterFixtures {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-09-01T09:00:00Z"), ZoneOffset.UTC);
    static final RosterReader READER = new RosterReader(CLOCK, RosterReader.DEFAULT_MAX_ROWS);
    static final String HEADER = "Класс,Фамилия,Имя,Отчество,Роль,Дата рождения,Телефон,Email,Предметы,Ребёнок";

    private RosterFixtures() {}

    /** The shared sample, as committed under src/test/resources/rosters. */
    static byte[] sample() {
        try (InputStream in = RosterFixtures.class.getResourceAsStream("/rosters/roster-sample.csv")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The sample's text without the BOM. */
    static String sampleText() {
        return new String(sample(), StandardCharsets.UTF_8).replace("\uFEFF", "");
    }

    static ParsedRoster read(byte[] bytes, String fileName) {
        return READER.read(new ByteArrayInputStream(bytes), fileName);
    }

    static ParsedRoster readCsv(String text, Charset charset) {
        return read(text.getBytes(charset), "roster.csv");
    }

    static ParsedRoster readCsv(String text) {
        return readCsv(text, StandardCharsets.UTF_8);
    }

    /** The header followed by the given lines, joined with CRLF. */
    static String csv(String... lines) {
        return HEADER + "\r\n" + String.join("\r\n", lines) + "\r\n";
    }

    static byte[] withBom(byte[] bom, byte[] body) {
        byte[] out = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, out, 0, bom.length);
        System.arraycopy(body, 0, out, bom.length, body.length);
        return out;
    }
}
