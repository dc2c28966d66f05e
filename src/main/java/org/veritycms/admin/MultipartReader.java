package org.veritycms.admin;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a {@code multipart/form-data} body part by part as it arrives (RFC 7578), so that a file is
 * streamed to where it goes and never held in memory. Each part's body ends at the next boundary;
 * asking for the next part skips whatever of the current one was not read.
 */
final class MultipartReader {

    /** One field of the form; {@code filename} is null for a plain field. */
    record Part(String name, String filename, InputStream body) {
        boolean isFile() {
            return filename != null;
        }
    }

    private static final Pattern BOUNDARY = Pattern.compile("(?i)boundary=(?:\"([^\"]{1,70})\"|([^;\\s]{1,70}))");
    private static final Pattern PARAM = Pattern.compile("(?i);\\s*(name|filename)=\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final int MAX_HEADER_LINE = 8 * 1024;

    private final InputStream in;
    private final byte[] delimiter;
    private final int[] fallback;
    private PartBody current;
    private boolean finished;

    MultipartReader(InputStream body, String boundary) {
        this.in = new BufferedInputStream(body, 64 * 1024);
        this.delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        this.fallback = failureTable(delimiter);
        this.current = new PartBody(true); // the preamble, before the first boundary
    }

    /** The boundary a Content-Type header names, or null when it names none. */
    static String boundaryOf(String contentType) {
        if (contentType == null) {
            return null;
        }
        Matcher m = BOUNDARY.matcher(contentType);
        return m.find() ? (m.group(1) != null ? m.group(1) : m.group(2)) : null;
    }

    /** The next part, or null after the last one. */
    Part next() throws IOException {
        if (finished) {
            return null;
        }
        current.skip();
        int a = in.read();
        int b = in.read();
        if (a == '-' && b == '-') {
            finished = true;
            return null;
        }
        while (a == ' ' || a == '\t') { // transport padding after the boundary
            a = b;
            b = in.read();
        }
        if (a != '\r' || b != '\n') {
            throw new EOFException("The form's body is not well-formed multipart data");
        }
        String name = null;
        String filename = null;
        for (int lines = 0; ; lines++) {
            String line = headerLine();
            if (line.isEmpty()) {
                break;
            }
            if (lines > 20) {
                throw new EOFException("Too many part headers");
            }
            if (line.regionMatches(true, 0, "Content-Disposition:", 0, 20)) {
                Matcher m = PARAM.matcher(line);
                while (m.find()) {
                    String value = m.group(2).replace("\\\"", "\"");
                    if (m.group(1).equalsIgnoreCase("name")) {
                        name = value;
                    } else {
                        filename = value;
                    }
                }
            }
        }
        current = new PartBody(false);
        return new Part(name == null ? "" : name, filename, current);
    }

    private String headerLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int c = in.read(); ; c = in.read()) {
            if (c < 0 || line.size() > MAX_HEADER_LINE) {
                throw new EOFException("The form's body ended inside a part's headers");
            }
            if (c == '\r') {
                if (in.read() != '\n') {
                    throw new EOFException("The form's body is not well-formed multipart data");
                }
                return line.toString(StandardCharsets.UTF_8);
            }
            line.write(c);
        }
    }

    /** The KMP failure function of the delimiter: where a partial match can resume after a mismatch. */
    private static int[] failureTable(byte[] pattern) {
        int[] table = new int[pattern.length + 1];
        for (int i = 1, k = 0; i < pattern.length; i++) {
            while (k > 0 && pattern[i] != pattern[k]) {
                k = table[k];
            }
            if (pattern[i] == pattern[k]) {
                k++;
            }
            table[i + 1] = k;
        }
        return table;
    }

    /** A part's bytes up to (not including) the next delimiter. */
    private final class PartBody extends InputStream {
        private final byte[] pending = new byte[delimiter.length + 1];
        private int pendingStart;
        private int pendingEnd;
        private int matched;
        private boolean ended;

        PartBody(boolean preamble) {
            if (preamble) { // the body starts with the boundary itself, without the line break before it
                matched = 2;
            }
        }

        @Override
        public int read() throws IOException {
            while (true) {
                if (pendingStart < pendingEnd) {
                    return pending[pendingStart++] & 0xff;
                }
                if (ended) {
                    return -1;
                }
                int b = in.read();
                if (b < 0) {
                    throw new EOFException("The form's body ended before its closing boundary");
                }
                pendingStart = 0;
                pendingEnd = 0;
                while (matched > 0 && (byte) b != delimiter[matched]) {
                    int resume = fallback[matched];
                    for (int i = 0; i < matched - resume; i++) {
                        pending[pendingEnd++] = delimiter[i];
                    }
                    matched = resume;
                }
                if ((byte) b == delimiter[matched]) {
                    matched++;
                    if (matched == delimiter.length) {
                        ended = true;
                    }
                } else {
                    pending[pendingEnd++] = (byte) b;
                }
            }
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            int n = 0;
            while (n < length) {
                if (n > 0 && pendingStart >= pendingEnd && (ended || in.available() == 0)) {
                    break;
                }
                int b = read();
                if (b < 0) {
                    break;
                }
                buffer[offset + n++] = (byte) b;
            }
            return n == 0 ? -1 : n;
        }

        void skip() throws IOException {
            while (read() >= 0) {
                // discard what the reader of this part left
            }
        }
    }
}
