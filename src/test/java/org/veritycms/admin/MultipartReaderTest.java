package org.veritycms.admin;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MultipartReaderTest {

    private static final String BOUNDARY = "----form7MA4YWxkTrZu0gW";

    private static byte[] body(byte[] file) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nKnee \"rolls\"\r\n"
                + "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.bin\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.write(file);
        out.write(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    @Test
    void fieldsAndFilesComeBackByteForByteEvenWhenTheFileHoldsPiecesOfTheBoundary() throws IOException {
        byte[] file = new byte[200_000];
        new Random(7).nextBytes(file);
        byte[] trap = ("\r\n--" + BOUNDARY.substring(0, 10)).getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(trap, 0, file, 1000, trap.length);
        System.arraycopy("\r\n\r\n--".getBytes(StandardCharsets.ISO_8859_1), 0, file, 5000, 6);
        MultipartReader reader = new MultipartReader(new ByteArrayInputStream(body(file)), BOUNDARY);
        MultipartReader.Part title = reader.next();
        assertEquals("title", title.name());
        assertNull(title.filename());
        assertEquals("Knee \"rolls\"", new String(title.body().readAllBytes(), StandardCharsets.UTF_8));
        MultipartReader.Part upload = reader.next();
        assertEquals("file", upload.name());
        assertEquals("a.bin", upload.filename());
        assertArrayEquals(file, upload.body().readAllBytes());
        assertNull(reader.next());
    }

    @Test
    void aPartLeftUnreadIsSkipped() throws IOException {
        MultipartReader reader = new MultipartReader(new ByteArrayInputStream(body(new byte[] {1, 2, 3})), BOUNDARY);
        assertEquals("title", reader.next().name());
        assertEquals("file", reader.next().name());
        assertNull(reader.next());
    }

    @Test
    void aBodyCutShortIsAnError() throws IOException {
        byte[] whole = body(new byte[1000]);
        byte[] cut = java.util.Arrays.copyOf(whole, whole.length - 30);
        MultipartReader reader = new MultipartReader(new ByteArrayInputStream(cut), BOUNDARY);
        reader.next();
        MultipartReader.Part file = reader.next();
        assertThrows(EOFException.class, () -> file.body().readAllBytes());
    }

    @Test
    void theBoundaryIsReadFromTheContentType() {
        assertEquals("abc", MultipartReader.boundaryOf("multipart/form-data; boundary=abc"));
        assertEquals("a b", MultipartReader.boundaryOf("multipart/form-data; boundary=\"a b\""));
        assertNull(MultipartReader.boundaryOf("multipart/form-data"));
    }
}
