package ru.parta.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Blobs on the local disk at {@code <dir>/blobs/ab/cd/abcd…}: the path is derived only from the SHA-256, and a blob
 * appears atomically (written to a temporary file in the same file system, then moved into place).
 */
class LocalBlobStore implements BlobStore {

    private static final Pattern KEY = Pattern.compile("[0-9a-f]{64}");

    private final Path blobs;
    private final Path tmp;

    LocalBlobStore(FilesProperties properties) throws IOException {
        Path root = properties.dir().toAbsolutePath().normalize();
        this.blobs = Files.createDirectories(root.resolve("blobs"));
        this.tmp = Files.createDirectories(root.resolve("tmp"));
    }

    Path path(String sha256) {
        if (sha256 == null || !KEY.matcher(sha256).matches()) {
            throw new IllegalArgumentException("not a SHA-256 key");
        }
        return blobs.resolve(sha256.substring(0, 2))
                .resolve(sha256.substring(2, 4))
                .resolve(sha256);
    }

    @Override
    public void put(String sha256, Path source) throws IOException {
        Path target = path(sha256);
        if (Files.exists(target)) {
            Files.deleteIfExists(source);
            return;
        }
        Files.createDirectories(target.getParent());
        Path staging = tmp.resolve("blob-" + UUID.randomUUID());
        try {
            Files.move(source, staging, StandardCopyOption.REPLACE_EXISTING);
            try (FileChannel channel = FileChannel.open(staging, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(staging);
        }
    }

    @Override
    public boolean exists(String sha256) {
        return Files.exists(path(sha256));
    }

    @Override
    public InputStream open(String sha256, long offset) throws IOException {
        FileChannel channel = FileChannel.open(path(sha256), StandardOpenOption.READ);
        channel.position(offset);
        return Channels.newInputStream(channel);
    }

    @Override
    public void delete(String sha256) throws IOException {
        try {
            Files.deleteIfExists(path(sha256));
        } catch (NoSuchFileException e) {
            // already gone
        }
    }
}
