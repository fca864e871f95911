package ru.parta.safety;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/**
 * The fuzzer's values, drawn with jqwik's generators from a seeded {@link Random} (a failure names its seed and is
 * reproducible): hostile strings (NUL, lone surrogates, bidi overrides, emoji sequences, huge texts), hostile numbers,
 * values of the wrong JSON type, malformed JSON, and JSON bodies shaped after a controller's body record with such
 * values in its fields. Everything is rendered as JSON text here, so nothing is lost to a serialiser's manners.
 */
final class FuzzValues {

    private static final List<String> EDGE_STRINGS = List.of(
            "",
            " ",
            "\u0000",
            "a\u0000b",
            "\uD800",
            "x\uDC00y",
            "\uDBFF\uDFFF",
            "\u202Eгде\u202C",
            "\u200F\u05E9\u05DC\u05D5\u05DD",
            "مرحبا",
            "👍",
            "👨‍👩‍👧‍👦🏳️‍🌈",
            "\uFEFF",
            "𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
            "Ёлка ё",
            "' or 1=1 --",
            "<script>alert(1)</script>",
            "%s%n%x",
            "../../etc/passwd",
            "\\",
            "\"",
            "null",
            "NaN",
            "21:00",
            "2025-02-30",
            "ADMIN",
            "\t\r\n",
            "ё".repeat(4001),
            "x".repeat(70_000));

    private static final List<String> EDGE_NUMBERS = List.of(
            "-1",
            "0",
            "1",
            "-9223372036854775808",
            "9223372036854775807",
            "9223372036854775808",
            "2147483648",
            "9007199254740993",
            "1e308",
            "-0.0",
            "1.5",
            "1e400",
            "\"12\"");

    private static final List<String> WRONG_TYPES = List.of(
            "[]",
            "{}",
            "true",
            "\"str\"",
            "null",
            "1.5",
            "[[[]]]",
            "{\"a\":{\"b\":[1,{\"c\":null}]}}",
            "[1,\"a\",null]");

    private static final Arbitrary<String> RANDOM_STRINGS =
            Arbitraries.strings().all().ofMaxLength(40);
    private static final Arbitrary<String> SCRIPT_STRINGS = Arbitraries.strings()
            .withCharRange('\u0590', '\u06FF')
            .withChars("👍🔥\u200D")
            .ofMaxLength(30);
    private static final Arbitrary<byte[]> RANDOM_BYTES =
            Arbitraries.bytes().array(byte[].class).ofMaxSize(200);

    private final Random random;
    private final java.util.Map<Arbitrary<?>, java.util.Iterator<?>> samples = new java.util.HashMap<>();

    /** Seeds jqwik's source of randomness too: its samples are drawn on this thread, in a reproducible order. */
    FuzzValues(long seed) {
        this.random = new Random(seed);
        net.jqwik.engine.SourceOfRandomness.create(Long.toString(seed));
    }

    @SuppressWarnings("unchecked")
    <T> T draw(Arbitrary<T> arbitrary) {
        return (T) samples.computeIfAbsent(arbitrary, a -> a.sampleStream().iterator())
                .next();
    }

    <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    boolean chance(double p) {
        return random.nextDouble() < p;
    }

    int below(int n) {
        return random.nextInt(n);
    }

    String string() {
        return switch (random.nextInt(3)) {
            case 0 -> pick(EDGE_STRINGS);
            case 1 -> draw(RANDOM_STRINGS);
            default -> draw(SCRIPT_STRINGS);
        };
    }

    String number() {
        return chance(0.7)
                ? pick(EDGE_NUMBERS)
                : Long.toString(draw(Arbitraries.longs().between(-2_000_000L, 2_000_000L)));
    }

    String wrongType() {
        return pick(WRONG_TYPES);
    }

    byte[] randomBytes() {
        return draw(RANDOM_BYTES);
    }

    /** A body shaped after the record: its fields, each perhaps missing, hostile or of the wrong type. */
    String body(Class<?> type) {
        if (type == null || !type.isRecord()) {
            return chance(0.5) ? "{}" : wrongType();
        }
        List<String> fields = new ArrayList<>();
        for (RecordComponent c : type.getRecordComponents()) {
            if (c.getName().equals("waitSeconds")) {
                // A long-poll that waits is not hostile, only slow: valid waits are zero.
                fields.add("\"waitSeconds\":" + pick(List.of("0", "-1", "31", "1e308", "\"x\"", "null")));
            } else if (chance(0.85)) {
                fields.add(quote(c.getName()) + ":" + value(c.getGenericType(), 0));
            }
        }
        if (chance(0.1)) {
            fields.add(quote(string()) + ":" + value(String.class, 0));
        }
        return "{" + String.join(",", fields) + "}";
    }

    String value(Type type, int depth) {
        if (chance(0.15) || depth > 2) {
            return wrongType();
        }
        Class<?> raw = type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
        if (raw == String.class) {
            return quote(string());
        }
        if (Number.class.isAssignableFrom(raw) || raw == long.class || raw == int.class) {
            return number();
        }
        if (raw == Boolean.class || raw == boolean.class) {
            return chance(0.5) ? "true" : "false";
        }
        if (raw.isEnum()) {
            Object[] constants = raw.getEnumConstants();
            return chance(0.6) ? quote(constants[below(constants.length)].toString()) : quote(string());
        }
        if (List.class.isAssignableFrom(raw) && type instanceof ParameterizedType p) {
            int size = chance(0.05) ? 1000 : below(4);
            List<String> items = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                items.add(value(p.getActualTypeArguments()[0], depth + 1));
            }
            return "[" + String.join(",", items) + "]";
        }
        if (java.util.Map.class.isAssignableFrom(raw)) {
            return "{" + quote(chance(0.5) ? number().replace("\"", "") : string()) + ":" + number() + "}";
        }
        if (raw.isRecord()) {
            return body(raw);
        }
        return quote(string());
    }

    /** Text that is not JSON of any shape: cut short, binary, unbalanced, nested past any sane depth. */
    byte[] malformedJson(String valid) {
        return switch (random.nextInt(6)) {
            case 0 -> utf8(valid.length() > 1 ? valid.substring(0, 1 + below(valid.length() - 1)) : "{");
            case 1 -> randomBytesNotJson();
            case 2 -> utf8(pick(List.of("{", "{\"a\":", "[", "nul", "{'a':1}", "{\"a\" 1}", "\"unterminated", "{,}")));
            case 3 -> new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', '}'};
            case 4 -> new byte[] {'{', '"', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}'};
            default -> utf8("[".repeat(3000 + below(3000)));
        };
    }

    private byte[] randomBytesNotJson() {
        byte[] bytes = randomBytes();
        byte[] out = new byte[bytes.length + 2];
        out[0] = '{';
        out[1] = (byte) 0xFF;
        System.arraycopy(bytes, 0, out, 2, bytes.length);
        return out;
    }

    static byte[] utf8(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** A JSON string literal; lone surrogates and control characters are written as escapes, as a client may. */
    static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20 || Character.isSurrogate(c)) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }
}
