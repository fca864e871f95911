package ru.parta.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * Immutable content addressed by its SHA-256 (64 lower-case hex digits). Keys are always computed by the server, never
 * taken from a client. Reference counts live in the database ({@code blobs}); the store only keeps bytes. The local
 * disk is the implementation today; an S3-compatible store is the planned production option behind the same seam.
 */
public interface BlobStore {

    /** Stores the source's bytes under the key unless present, atomically; the source file is consumed. */
    void put(String sha256, Path source) throws IOException;

    boolean exists(String sha256);

    /** The blob's bytes from an offset. */
    InputStream open(String sha256, long offset) throws IOException;

    /** Removes the blob; absent is fine. */
    void delete(String sha256) throws IOException;
}
