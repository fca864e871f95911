package ru.parta.files;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a WebM (Matroska/EBML) file far enough to tell a voice recording from a video and to give its duration without
 * decoding anything: which track types it has, the segment's {@code Duration} if written, otherwise the time of the
 * last block plus that block's Opus packet length (browsers' MediaRecorder writes a live stream: no duration, clusters
 * of unknown size). One pass, reading only element headers and the first bytes of each block.
 *
 * <p>Hazard: input is hostile. Sizes are checked against what is left, unknown sizes are only honoured for the segment
 * and clusters (whose children are read in place), and anything unexpected ends the scan with what was found so far.
 */
final class WebmOpus {

    private static final long SEGMENT = 0x18538067L;
    private static final long INFO = 0x1549A966L;
    private static final long TIMECODE_SCALE = 0x2AD7B1L;
    private static final long DURATION = 0x4489L;
    private static final long TRACKS = 0x1654AE6BL;
    private static final long TRACK_ENTRY = 0xAEL;
    private static final long TRACK_TYPE = 0x83L;
    private static final long CODEC_ID = 0x86L;
    private static final long CLUSTER = 0x1F43B675L;
    private static final long CLUSTER_TIMECODE = 0xE7L;
    private static final long BLOCK_GROUP = 0xA0L;
    private static final long BLOCK = 0xA1L;
    private static final long SIMPLE_BLOCK = 0xA3L;
    private static final long UNKNOWN = -1;

    /** What was found: {@code audioOnly} when every track is an Opus audio track; the duration, or null. */
    record Info(boolean audioOnly, Long durationMs) {}

    private long scale = 1_000_000;
    private double declaredDuration = -1;
    private int audioTracks;
    private int otherTracks;
    private long clusterTime;
    private long lastBlockEnd = -1;
    private long position;
    private final InputStream in;

    private WebmOpus(InputStream in) {
        this.in = in;
    }

    static Info read(Path file) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 64 * 1024)) {
            WebmOpus reader = new WebmOpus(in);
            reader.scan(Files.size(file));
            return reader.result();
        }
    }

    private Info result() {
        boolean audioOnly = audioTracks > 0 && otherTracks == 0;
        Long ms = null;
        if (declaredDuration > 0) {
            ms = Math.round(declaredDuration * scale / 1_000_000.0);
        } else if (lastBlockEnd >= 0) {
            ms = lastBlockEnd / 1_000_000;
        }
        return new Info(audioOnly, ms);
    }

    /** Reads elements up to {@code end}, descending into the masters that matter and skipping everything else. */
    private void scan(long end) throws IOException {
        try {
            while (position < end) {
                long id = readId();
                long size = readSize();
                long dataEnd = size == UNKNOWN ? end : position + size;
                if (dataEnd > end) {
                    dataEnd = end;
                }
                if (id == SEGMENT || id == CLUSTER || id == INFO || id == TRACKS || id == BLOCK_GROUP) {
                    if (size == UNKNOWN && id != SEGMENT && id != CLUSTER) {
                        return;
                    }
                    continue; // children follow in place; a cluster of unknown size ends where the next one starts
                }
                if (size == UNKNOWN) {
                    return;
                }
                if (id == TRACK_ENTRY) {
                    scanTrack(dataEnd);
                    continue;
                }
                if (id == TIMECODE_SCALE && size <= 8) {
                    scale = Math.max(1, readUnsigned((int) size));
                } else if (id == DURATION && (size == 4 || size == 8)) {
                    long bits = readUnsigned((int) size);
                    declaredDuration = size == 4 ? Float.intBitsToFloat((int) bits) : Double.longBitsToDouble(bits);
                } else if (id == CLUSTER_TIMECODE && size <= 8) {
                    clusterTime = readUnsigned((int) size);
                } else if ((id == SIMPLE_BLOCK || id == BLOCK) && size >= 4) {
                    block(dataEnd);
                }
                skipTo(dataEnd);
            }
        } catch (EOFException | IllegalStateException e) {
            // truncated or malformed: keep what was found
        }
    }

    private void scanTrack(long end) throws IOException {
        String codec = null;
        long type = 0;
        while (position < end) {
            long id = readId();
            long size = readSize();
            if (size == UNKNOWN || position + size > end) {
                throw new IllegalStateException("bad track entry");
            }
            long dataEnd = position + size;
            if (id == TRACK_TYPE && size <= 8) {
                type = readUnsigned((int) size);
            } else if (id == CODEC_ID && size <= 32) {
                codec = new String(readBytes((int) size), java.nio.charset.StandardCharsets.US_ASCII).strip();
            }
            skipTo(dataEnd);
        }
        if (type == 2 && "A_OPUS".equals(codec)) {
            audioTracks++;
        } else {
            otherTracks++;
        }
    }

    /** A block: track number, 16-bit signed time relative to the cluster, flags, then (unlaced) the Opus packet. */
    private void block(long end) throws IOException {
        readSize(); // track number
        int relative = (short) readUnsigned(2);
        int flags = (int) readUnsigned(1);
        long frameNs = 20_000_000;
        boolean laced = (flags & 0x06) != 0;
        if (!laced && position < end) {
            frameNs = opusPacketNs((int) readUnsigned(1), position < end ? (int) readUnsigned(1) : 1);
        }
        long startNs = (clusterTime + relative) * scale;
        lastBlockEnd = Math.max(lastBlockEnd, startNs + frameNs);
    }

    /** The length of an Opus packet from its TOC byte (RFC 6716, 3.1) and, for code 3, its frame count byte. */
    static long opusPacketNs(int toc, int countByte) {
        int config = toc >> 3;
        long frame;
        if (config < 12) {
            frame = new long[] {10_000_000, 20_000_000, 40_000_000, 60_000_000}[config & 3];
        } else if (config < 16) {
            frame = (config & 1) == 0 ? 10_000_000 : 20_000_000;
        } else {
            frame = new long[] {2_500_000, 5_000_000, 10_000_000, 20_000_000}[config & 3];
        }
        int code = toc & 3;
        int frames = code == 0 ? 1 : code < 3 ? 2 : Math.max(1, countByte & 0x3F);
        return frame * frames;
    }

    private long readId() throws IOException {
        int first = next();
        int length = Integer.numberOfLeadingZeros(first) - 23;
        if (first == 0 || length > 4) {
            throw new IllegalStateException("bad element id");
        }
        long id = first;
        for (int i = 1; i < length; i++) {
            id = (id << 8) | next();
        }
        return id;
    }

    /** A variable-size integer without its marker bit; {@link #UNKNOWN} for the all-ones "unknown size". */
    private long readSize() throws IOException {
        int first = next();
        int length = Integer.numberOfLeadingZeros(first) - 23;
        if (first == 0 || length > 8) {
            throw new IllegalStateException("bad size");
        }
        long value = first & (0xFF >> length);
        boolean allOnes = value == (0xFF >> length);
        for (int i = 1; i < length; i++) {
            int b = next();
            allOnes &= b == 0xFF;
            value = (value << 8) | b;
        }
        return allOnes ? UNKNOWN : value;
    }

    private long readUnsigned(int bytes) throws IOException {
        long value = 0;
        for (int i = 0; i < bytes; i++) {
            value = (value << 8) | next();
        }
        return value;
    }

    private byte[] readBytes(int n) throws IOException {
        byte[] b = in.readNBytes(n);
        if (b.length < n) {
            throw new EOFException();
        }
        position += n;
        return b;
    }

    private int next() throws IOException {
        int b = in.read();
        if (b < 0) {
            throw new EOFException();
        }
        position++;
        return b;
    }

    private void skipTo(long target) throws IOException {
        if (target < position) {
            throw new IllegalStateException("overlapping elements");
        }
        long toSkip = target - position;
        in.skipNBytes(toSkip);
        position = target;
    }
}
