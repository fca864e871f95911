package ru.parta.files;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;

/** Files built byte by byte for the tests: JPEGs with GPS EXIF, PNG bombs, Ogg Opus recordings. */
public final class TestFiles {

    private TestFiles() {}

    static BufferedImage picture(int width, int height) {
        var image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.BLUE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.ORANGE);
        g.fillRect(0, 0, width / 2, height / 3);
        g.dispose();
        return image;
    }

    static byte[] encode(BufferedImage image, String format) {
        try {
            var out = new ByteArrayOutputStream();
            ImageIO.write(image, format, out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A JPEG whose APP1 Exif segment holds an orientation and GPS coordinates (55°45'N), inserted after SOI. */
    public static byte[] jpegWithGps(int width, int height, int orientation) {
        byte[] jpeg = encode(picture(width, height), "jpeg");
        ByteBuffer tiff = ByteBuffer.allocate(200).order(ByteOrder.BIG_ENDIAN);
        tiff.put((byte) 'M').put((byte) 'M').putShort((short) 42).putInt(8);
        // IFD0 at 8: two entries (orientation, GPS IFD pointer), then next-IFD 0
        tiff.putShort((short) 2);
        tiff.putShort((short) 0x0112)
                .putShort((short) 3)
                .putInt(1)
                .putShort((short) orientation)
                .putShort((short) 0);
        int gpsIfd = 8 + 2 + 2 * 12 + 4;
        tiff.putShort((short) 0x8825).putShort((short) 4).putInt(1).putInt(gpsIfd);
        tiff.putInt(0);
        // GPS IFD: latitude ref "N", latitude 55/1 45/1 0/1
        int rationals = gpsIfd + 2 + 2 * 12 + 4;
        tiff.putShort((short) 2);
        tiff.putShort((short) 0x0001)
                .putShort((short) 2)
                .putInt(2)
                .put((byte) 'N')
                .put((byte) 0)
                .putShort((short) 0);
        tiff.putShort((short) 0x0002).putShort((short) 5).putInt(3).putInt(rationals);
        tiff.putInt(0);
        tiff.putInt(55).putInt(1).putInt(45).putInt(1).putInt(0).putInt(1);
        byte[] tiffBytes = java.util.Arrays.copyOf(tiff.array(), tiff.position());
        byte[] exif = "Exif\0\0".getBytes(StandardCharsets.ISO_8859_1);
        int length = 2 + exif.length + tiffBytes.length;
        var out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        out.write(0xFF);
        out.write(0xE1);
        out.write(length >> 8);
        out.write(length & 0xFF);
        out.writeBytes(exif);
        out.writeBytes(tiffBytes);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    /** The JPEG markers before the image data (SOI excluded). */
    static List<Integer> jpegMarkers(byte[] jpeg) {
        List<Integer> markers = new ArrayList<>();
        int pos = 2;
        while (pos + 4 <= jpeg.length && (jpeg[pos] & 0xFF) == 0xFF) {
            int marker = jpeg[pos + 1] & 0xFF;
            markers.add(marker);
            if (marker == 0xDA) {
                break;
            }
            int length = ((jpeg[pos + 2] & 0xFF) << 8) | (jpeg[pos + 3] & 0xFF);
            pos += 2 + length;
        }
        return markers;
    }

    /** A PNG that claims the given size in its header, followed by a little junk: decoding it would need gigabytes. */
    static byte[] pngClaiming(int width, int height) {
        var out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
        ByteBuffer ihdr = ByteBuffer.allocate(13)
                .putInt(width)
                .putInt(height)
                .put((byte) 8)
                .put((byte) 2)
                .put((byte) 0)
                .put((byte) 0)
                .put((byte) 0);
        chunk(out, "IHDR", ihdr.array());
        chunk(out, "IDAT", new byte[] {0x78, (byte) 0x9C, 0x63, 0, 0, 0, 1, 0, 1});
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(t);
        out.writeBytes(data);
        var crc = new CRC32();
        crc.update(t);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    /** An Ogg Opus stream of {@code seconds} seconds: OpusHead, OpusTags and audio pages (silence frames). */
    public static byte[] oggOpus(int seconds, int preSkip) {
        var out = new ByteArrayOutputStream();
        ByteBuffer head = ByteBuffer.allocate(19).order(ByteOrder.LITTLE_ENDIAN);
        head.put("OpusHead".getBytes(StandardCharsets.US_ASCII))
                .put((byte) 1)
                .put((byte) 1)
                .putShort((short) preSkip)
                .putInt(48_000)
                .putShort((short) 0)
                .put((byte) 0);
        page(out, 0x02, 0, 0, head.array());
        ByteBuffer tags = ByteBuffer.allocate(20).order(ByteOrder.LITTLE_ENDIAN);
        tags.put("OpusTags".getBytes(StandardCharsets.US_ASCII))
                .putInt(4)
                .put("test".getBytes())
                .putInt(0);
        page(out, 0, 0, 1, tags.array());
        // one page per second: 50 frames of 20 ms (960 samples), each a 3-byte silence packet
        for (int s = 1; s <= seconds; s++) {
            byte[] packets = new byte[50 * 3];
            for (int i = 0; i < 50; i++) {
                packets[i * 3] = (byte) 0xF8;
                packets[i * 3 + 1] = (byte) 0xFF;
                packets[i * 3 + 2] = (byte) 0xFE;
            }
            page(out, s == seconds ? 0x04 : 0, (long) s * 48_000 + preSkip, 1 + s, packets, 3);
        }
        return out.toByteArray();
    }

    private static void page(ByteArrayOutputStream out, int flags, long granule, int sequence, byte[] data) {
        page(out, flags, granule, sequence, data, data.length);
    }

    private static void page(
            ByteArrayOutputStream out, int flags, long granule, int sequence, byte[] data, int packetSize) {
        int packets = data.length / packetSize;
        ByteBuffer p = ByteBuffer.allocate(27 + packets + data.length).order(ByteOrder.LITTLE_ENDIAN);
        p.put("OggS".getBytes(StandardCharsets.US_ASCII))
                .put((byte) 0)
                .put((byte) flags)
                .putLong(granule)
                .putInt(0x5A17)
                .putInt(sequence)
                .putInt(0)
                .put((byte) packets);
        for (int i = 0; i < packets; i++) {
            p.put((byte) packetSize);
        }
        p.put(data);
        byte[] bytes = p.array();
        int crc = oggCrc(bytes);
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(22, crc);
        out.writeBytes(bytes);
    }

    private static int oggCrc(byte[] data) {
        int crc = 0;
        for (byte b : data) {
            crc ^= (b & 0xFF) << 24;
            for (int i = 0; i < 8; i++) {
                crc = (crc & 0x80000000) != 0 ? (crc << 1) ^ 0x04C11DB7 : crc << 1;
            }
        }
        return crc;
    }
}
