package ru.parta.files;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * WebM files built element by element, shaped like what Chromium's MediaRecorder writes: a segment and clusters of
 * unknown size, no duration, one Opus track (optionally a video track too), 20 ms silence packets.
 */
final class TestWebm {

    private TestWebm() {}

    /** {@code seconds} of Opus silence in clusters of one second each; with {@code video} a VP8 track is declared too. */
    static byte[] opus(int seconds, boolean video) {
        var out = new ByteArrayOutputStream();
        element(out, 0x1A45DFA3, concat(element(0x4282, "webm".getBytes(StandardCharsets.US_ASCII))));
        out.writeBytes(id(0x18538067));
        out.writeBytes(new byte[] {
            0x01, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF
        });
        element(out, 0x1549A966, element(0x2AD7B1, uint(1_000_000, 3)));
        byte[] opusHead = ByteBuffer.allocate(19)
                .order(ByteOrder.LITTLE_ENDIAN)
                .put("OpusHead".getBytes(StandardCharsets.US_ASCII))
                .put((byte) 1)
                .put((byte) 1)
                .putShort((short) 312)
                .putInt(48_000)
                .putShort((short) 0)
                .put((byte) 0)
                .array();
        byte[] audio = concat(
                element(0xD7, uint(1, 1)),
                element(0x83, uint(2, 1)),
                element(0x86, "A_OPUS".getBytes(StandardCharsets.US_ASCII)),
                element(0x63A2, opusHead),
                element(
                        0xE1,
                        concat(
                                element(
                                        0xB5,
                                        ByteBuffer.allocate(8).putDouble(48_000).array()),
                                element(0x9F, uint(1, 1)))));
        byte[] tracks = element(0xAE, audio);
        if (video) {
            tracks = concat(
                    tracks,
                    element(
                            0xAE,
                            concat(
                                    element(0xD7, uint(2, 1)),
                                    element(0x83, uint(1, 1)),
                                    element(0x86, "V_VP8".getBytes(StandardCharsets.US_ASCII)))));
        }
        element(out, 0x1654AE6B, tracks);
        for (int s = 0; s < seconds; s++) {
            out.writeBytes(id(0x1F43B675));
            out.writeBytes(new byte[] {
                0x01, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF
            });
            element(out, 0xE7, uint(s * 1000L, 2));
            for (int f = 0; f < 50; f++) {
                int relative = f * 20;
                element(out, 0xA3, new byte[] {
                    (byte) 0x81,
                    (byte) (relative >> 8),
                    (byte) relative,
                    (byte) 0x80,
                    (byte) 0xF8,
                    (byte) 0xFF,
                    (byte) 0xFE
                });
            }
        }
        return out.toByteArray();
    }

    private static byte[] uint(long value, int bytes) {
        byte[] b = new byte[bytes];
        for (int i = bytes - 1; i >= 0; i--) {
            b[i] = (byte) value;
            value >>= 8;
        }
        return b;
    }

    private static byte[] id(int id) {
        int length = id > 0xFFFFFF ? 4 : id > 0xFFFF ? 3 : id > 0xFF ? 2 : 1;
        return uint(id, length);
    }

    private static byte[] element(int id, byte[] data) {
        var out = new ByteArrayOutputStream();
        element(out, id, data);
        return out.toByteArray();
    }

    private static void element(ByteArrayOutputStream out, int id, byte[] data) {
        out.writeBytes(id(id));
        // an 8-byte size: 0x01 marker then 7 bytes of length
        byte[] size = uint(data.length, 8);
        size[0] = 0x01;
        out.writeBytes(size);
        out.writeBytes(data);
    }

    private static byte[] concat(byte[]... parts) {
        var out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
