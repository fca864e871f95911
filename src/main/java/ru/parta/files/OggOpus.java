package ru.parta.files;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Reads the duration of an Ogg Opus recording without decoding it: the granule position of the last Ogg page counts
 * 48 kHz samples, minus the pre-skip from the {@code OpusHead} header.
 */
final class OggOpus {

    private OggOpus() {}

    /** The duration in milliseconds, or null when the file is not Ogg Opus or has no usable last page. */
    static Long durationMs(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            ByteBuffer head = ByteBuffer.allocate((int) Math.min(size, 512)).order(ByteOrder.LITTLE_ENDIAN);
            channel.read(head, 0);
            head.flip();
            if (head.limit() < 28 || !magic(head, 0)) {
                return null;
            }
            int segments = head.get(26) & 0xFF;
            int data = 27 + segments;
            if (head.limit() < data + 19 || !ascii(head, data, "OpusHead")) {
                return null;
            }
            int preSkip = head.getShort(data + 10) & 0xFFFF;
            int tailSize = (int) Math.min(size, 65_536 + 27 + 255);
            ByteBuffer tail = ByteBuffer.allocate(tailSize).order(ByteOrder.LITTLE_ENDIAN);
            channel.read(tail, size - tailSize);
            tail.flip();
            for (int i = tail.limit() - 27; i >= 0; i--) {
                if (magic(tail, i) && tail.get(i + 4) == 0) {
                    long granule = tail.getLong(i + 6);
                    if (granule <= 0) {
                        return null;
                    }
                    return Math.max(0, (granule - preSkip) * 1000 / 48_000);
                }
            }
            return null;
        }
    }

    private static boolean magic(ByteBuffer b, int at) {
        return ascii(b, at, "OggS");
    }

    private static boolean ascii(ByteBuffer b, int at, String text) {
        if (at + text.length() > b.limit()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (b.get(at + i) != text.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
