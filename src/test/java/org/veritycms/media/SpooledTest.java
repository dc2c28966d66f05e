package org.veritycms.media;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.veritycms.shared.ContentHash;
import org.veritycms.shared.ProblemException;

class SpooledTest {

    @TempDir
    Path dir;

    @Test
    void aFileWithinTheLimitIsKeptWithItsSha256AndSize() throws IOException {
        byte[] bytes = SampleFiles.image("png", 30, 30);
        try (Spooled spooled = Spooled.receive(new ByteArrayInputStream(bytes), bytes.length, dir)) {
            assertEquals(bytes.length, spooled.size());
            assertEquals(ContentHash.of(bytes), spooled.sha256());
            assertArrayEquals(bytes, Files.readAllBytes(spooled.file()));
        }
        try (var left = Files.list(dir)) {
            assertEquals(0, left.count(), "closing deletes the spooled file");
        }
    }

    @Test
    void oneByteOverTheLimitIsRefusedAndNothingIsLeftOnDisk() throws IOException {
        ProblemException e = assertThrows(ProblemException.class,
                () -> Spooled.receive(new ByteArrayInputStream(new byte[1025]), 1024, dir));
        assertEquals(413, e.problem().status());
        assertEquals("file", e.problem().fieldErrors().get(0).field());
        try (var left = Files.list(dir)) {
            assertEquals(0, left.count());
        }
    }

    @Test
    void anEndlessStreamStopsBeingReadJustPastTheLimit() {
        long[] read = {0};
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                read[0]++;
                return 'x';
            }

            @Override
            public int read(byte[] b, int off, int len) {
                java.util.Arrays.fill(b, off, off + len, (byte) 'x');
                read[0] += len;
                return len;
            }
        };
        assertThrows(ProblemException.class, () -> Spooled.receive(endless, 100_000, dir));
        assertFalse(read[0] > 100_000 + 64 * 1024, "read " + read[0] + " bytes");
    }

    @Test
    void sizesReadAsPeopleSayThem() {
        assertEquals("50 MiB", Sizes.words(50L * 1024 * 1024));
        assertEquals("1.5 MiB", Sizes.words(1536L * 1024));
        assertEquals("2 KiB", Sizes.words(2000));
    }
}
