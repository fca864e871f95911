package ru.parta.files;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Semaphore;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import org.springframework.http.HttpStatus;
import ru.parta.shared.ApiException;

/**
 * Cleans uploaded JPEG and PNG images: the dimensions are read from the header first and images over the pixel limit
 * are refused before anything is decoded (decompression bombs); the image is then decoded, turned upright by its EXIF
 * orientation, and re-encoded from pixels only, so EXIF (GPS included), XMP, comments and PNG text chunks are gone.
 * A thumbnail at most 320 px on its longer side is made alongside. javax.imageio only.
 */
final class ImageProcessor {

    static final int THUMBNAIL_MAX = 320;
    private static final Semaphore DECODING = new Semaphore(2);

    record Processed(Path content, Path thumbnail, int width, int height) {}

    private ImageProcessor() {}

    /** At most two images are processed at once, so at most two images' pixels are in memory. */
    static Processed process(Path source, String type, long maxPixels, Path tmpDir) throws IOException {
        DECODING.acquireUninterruptibly();
        try {
            return processOne(source, type, maxPixels, tmpDir);
        } finally {
            DECODING.release();
        }
    }

    private static Processed processOne(Path source, String type, long maxPixels, Path tmpDir) throws IOException {
        String format = ContentSniffer.JPEG.equals(type) ? "jpeg" : "png";
        int orientation = ContentSniffer.JPEG.equals(type) ? exifOrientation(source) : 1;
        BufferedImage image;
        try (ImageInputStream in = ImageIO.createImageInputStream(source.toFile())) {
            ImageReader reader = ImageIO.getImageReadersByFormatName(format).next();
            try {
                reader.setInput(in, true, true);
                long width = reader.getWidth(0);
                long height = reader.getHeight(0);
                if (width <= 0 || height <= 0) {
                    throw unreadable();
                }
                if (width * height > maxPixels) {
                    throw new ApiException(HttpStatus.valueOf(422), "IMAGE_TOO_LARGE", maxPixels / 1_000_000);
                }
                image = reader.read(0);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof ApiException api) {
                throw api;
            }
            throw unreadable();
        }
        boolean alpha = "png".equals(format) && image.getColorModel().hasAlpha();
        BufferedImage clean = upright(copy(image, alpha), orientation);
        Path content = Files.createTempFile(tmpDir, "img-", "." + format);
        Path thumbnail = Files.createTempFile(tmpDir, "thumb-", "." + format);
        try {
            write(clean, format, content);
            write(thumbnail(clean, alpha), format, thumbnail);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(content);
            Files.deleteIfExists(thumbnail);
            throw e;
        }
        return new Processed(content, thumbnail, clean.getWidth(), clean.getHeight());
    }

    private static ApiException unreadable() {
        return new ApiException(HttpStatus.valueOf(422), "IMAGE_UNREADABLE");
    }

    private static BufferedImage copy(BufferedImage source, boolean alpha) {
        var target = new BufferedImage(
                source.getWidth(),
                source.getHeight(),
                alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = target.createGraphics();
        try {
            if (!alpha) {
                g.setColor(java.awt.Color.WHITE);
                g.fillRect(0, 0, source.getWidth(), source.getHeight());
            }
            g.drawImage(source, 0, 0, null);
        } finally {
            g.dispose();
        }
        return target;
    }

    /** Applies an EXIF orientation (2–8) by moving pixels; 1 or unknown leaves the image as it is. */
    static BufferedImage upright(BufferedImage src, int orientation) {
        if (orientation < 2 || orientation > 8) {
            return src;
        }
        int w = src.getWidth();
        int h = src.getHeight();
        boolean swap = orientation >= 5;
        var dst = new BufferedImage(swap ? h : w, swap ? w : h, src.getType());
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int rgb = src.getRGB(x, y);
                switch (orientation) {
                    case 2 -> dst.setRGB(w - 1 - x, y, rgb);
                    case 3 -> dst.setRGB(w - 1 - x, h - 1 - y, rgb);
                    case 4 -> dst.setRGB(x, h - 1 - y, rgb);
                    case 5 -> dst.setRGB(y, x, rgb);
                    case 6 -> dst.setRGB(h - 1 - y, x, rgb);
                    case 7 -> dst.setRGB(h - 1 - y, w - 1 - x, rgb);
                    default -> dst.setRGB(y, w - 1 - x, rgb);
                }
            }
        }
        return dst;
    }

    static BufferedImage thumbnail(BufferedImage image, boolean alpha) {
        BufferedImage current = image;
        int w = image.getWidth();
        int h = image.getHeight();
        double scale = Math.min(1.0, (double) THUMBNAIL_MAX / Math.max(w, h));
        int targetW = Math.max(1, (int) Math.round(w * scale));
        int targetH = Math.max(1, (int) Math.round(h * scale));
        int type = alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB;
        do {
            // halve in steps, then the final step: bilinear halving keeps thumbnails of big photos smooth
            w = Math.max(targetW, w / 2);
            h = Math.max(targetH, h / 2);
            var next = new BufferedImage(w, h, type);
            Graphics2D g = next.createGraphics();
            try {
                g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
                g.drawImage(current, 0, 0, w, h, null);
            } finally {
                g.dispose();
            }
            current = next;
        } while (w > targetW || h > targetH);
        return current;
    }

    private static void write(BufferedImage image, String format, Path target) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName(format).next();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(target.toFile())) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            if ("jpeg".equals(format)) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(0.88f);
            }
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
    }

    /** The EXIF orientation tag (0x0112) of a JPEG's APP1 Exif segment; 1 when absent or unreadable. */
    static int exifOrientation(Path jpeg) throws IOException {
        byte[] b;
        try (InputStream in = Files.newInputStream(jpeg)) {
            b = in.readNBytes(256 * 1024);
        }
        try {
            int pos = 2;
            while (pos + 4 <= b.length && (b[pos] & 0xFF) == 0xFF) {
                int marker = b[pos + 1] & 0xFF;
                int length = ((b[pos + 2] & 0xFF) << 8) | (b[pos + 3] & 0xFF);
                if (marker == 0xDA || length < 2) {
                    return 1;
                }
                int data = pos + 4;
                if (marker == 0xE1
                        && data + 14 <= b.length
                        && new String(b, data, 6, java.nio.charset.StandardCharsets.ISO_8859_1).equals("Exif\0\0")) {
                    int tiff = data + 6;
                    boolean little = b[tiff] == 'I';
                    int ifd = tiff + (int) read(b, tiff + 4, 4, little);
                    int entries = (int) read(b, ifd, 2, little);
                    for (int i = 0; i < entries; i++) {
                        int entry = ifd + 2 + i * 12;
                        if (read(b, entry, 2, little) == 0x0112) {
                            return (int) read(b, entry + 8, 2, little);
                        }
                    }
                    return 1;
                }
                pos = data + length - 2;
            }
        } catch (ArrayIndexOutOfBoundsException e) {
            return 1;
        }
        return 1;
    }

    private static long read(byte[] b, int at, int size, boolean little) {
        long v = 0;
        for (int i = 0; i < size; i++) {
            int octet = b[at + (little ? size - 1 - i : i)] & 0xFF;
            v = (v << 8) | octet;
        }
        return v;
    }
}
