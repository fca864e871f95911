package ru.parta.rosters.parsing;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Detects the text encoding of a CSV stream. Guarantees: a byte-order mark decides (UTF-8, UTF-16 LE/BE) and is
 * skipped; otherwise the first {@link #CHUNK} bytes are decoded as strict UTF-8 (a sequence cut at the chunk end
 * is allowed) and, if that fails, Windows-1251 is assumed. The stream is left positioned after the BOM.
 */
final class EncodingDetector {

    static final int CHUNK = 64 * 1024;
    static final Charset WINDOWS_1251 = Charset.forName("windows-1251");

    private EncodingDetector() {}

    static Charset detect(BufferedInputStream in) throws IOException {
        in.mark(CHUNK + 1);
        byte[] head = in.readNBytes(CHUNK);
        in.reset();
        if (startsWith(head, 0xEF, 0xBB, 0xBF)) {
            in.skipNBytes(3);
            return StandardCharsets.UTF_8;
        }
        if (startsWith(head, 0xFF, 0xFE)) {
            in.skipNBytes(2);
            return StandardCharsets.UTF_16LE;
        }
        if (startsWith(head, 0xFE, 0xFF)) {
            in.skipNBytes(2);
            return StandardCharsets.UTF_16BE;
        }
        return isStrictUtf8(head, head.length < CHUNK) ? StandardCharsets.UTF_8 : WINDOWS_1251;
    }

    private static boolean isStrictUtf8(byte[] bytes, boolean complete) {
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer input = ByteBuffer.wrap(bytes);
        CharBuffer output = CharBuffer.allocate(bytes.length + 1);
        CoderResult result = decoder.decode(input, output, complete);
        if (result.isError()) {
            return false;
        }
        if (complete) {
            return !decoder.flush(output).isError();
        }
        return input.remaining() < 4; // only a multi-byte sequence cut at the chunk boundary is left
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
