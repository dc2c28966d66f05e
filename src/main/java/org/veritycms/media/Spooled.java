package org.veritycms.media;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * An uploaded file written to a private folder as it arrives, hashed (SHA-256) and counted on the
 * way: past the limit it stops reading and the partial file is deleted, so an oversized upload
 * never fills the disk. Closing it deletes the file unless the store has taken it.
 */
public final class Spooled implements AutoCloseable {

    private final Path file;
    private final String sha256;
    private final long size;

    private Spooled(Path file, String sha256, long size) {
        this.file = file;
        this.sha256 = sha256;
        this.size = size;
    }

    /**
     * Reads {@code in} to its end into a new file in {@code folder}; a 413 problem when it holds more
     * than {@code maxBytes}, after which the caller may discard the rest of the stream.
     */
    public static Spooled receive(InputStream in, long maxBytes, Path folder) throws IOException {
        Path file = Files.createTempFile(folder, "upload-", ".part");
        MessageDigest digest = newDigest();
        long size = 0;
        boolean kept = false;
        try (OutputStream out = Files.newOutputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) {
                size += n;
                if (size > maxBytes) {
                    throw MediaRefused.tooLarge(maxBytes);
                }
                digest.update(buffer, 0, n);
                out.write(buffer, 0, n);
            }
            kept = true;
        } finally {
            if (!kept) {
                Files.deleteIfExists(file);
            }
        }
        return new Spooled(file, HexFormat.of().formatHex(digest.digest()), size);
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public Path file() { return file; }
    public String sha256() { return sha256; }
    public long size() { return size; }

    public boolean isEmpty() {
        return size == 0;
    }

    /** Deletes the spooled file if it is still here (the store moves it away when it keeps it). */
    @Override
    public void close() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
