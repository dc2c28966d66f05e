package org.veritycms.site;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A request whose body was read ahead (a chunked body, to count its bytes against the limit) and is
 * now served from memory: as the input stream, and as form fields when it is a form.
 */
final class BufferedBody extends HttpServletRequestWrapper {

    private final byte[] body;
    private Map<String, String[]> parameters;
    private boolean streamTaken;

    BufferedBody(HttpServletRequest request, byte[] body) {
        super(request);
        this.body = body.clone();
    }

    /**
     * Reads at most {@code limit} bytes and one more; returns null when the body is longer than the limit.
     */
    static byte[] readUpTo(InputStream in, long limit) throws IOException {
        byte[] read = in.readNBytes((int) limit + 1);
        return read.length > limit ? null : read;
    }

    @Override
    public int getContentLength() {
        return body.length;
    }

    @Override
    public long getContentLengthLong() {
        return body.length;
    }

    @Override
    public ServletInputStream getInputStream() {
        streamTaken = true;
        ByteArrayInputStream in = new ByteArrayInputStream(body);
        return new ServletInputStream() {
            @Override
            public int read() {
                return in.read();
            }

            @Override
            public int read(byte[] b, int off, int len) {
                return in.read(b, off, len);
            }

            @Override
            public boolean isFinished() {
                return in.available() == 0;
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(ReadListener listener) {
                throw new IllegalStateException("The body was read ahead; read it with blocking I/O");
            }
        };
    }

    @Override
    public BufferedReader getReader() {
        return new BufferedReader(new InputStreamReader(getInputStream(), charset()));
    }

    @Override
    public String getParameter(String name) {
        String[] values = getParameterMap().get(name);
        return values == null ? null : values[0];
    }

    @Override
    public String[] getParameterValues(String name) {
        String[] values = getParameterMap().get(name);
        return values == null ? null : values.clone();
    }

    @Override
    public Enumeration<String> getParameterNames() {
        return Collections.enumeration(getParameterMap().keySet());
    }

    /** The query's fields and, for a form not yet read as a stream, the form's fields after them. */
    @Override
    public Map<String, String[]> getParameterMap() {
        if (parameters == null) {
            Map<String, List<String>> all = new LinkedHashMap<>();
            super.getParameterMap().forEach((name, values) -> all.computeIfAbsent(name, n -> new ArrayList<>()).addAll(List.of(values)));
            String type = getContentType();
            if (!streamTaken && type != null && type.toLowerCase().startsWith("application/x-www-form-urlencoded")) {
                formFields(new String(body, StandardCharsets.ISO_8859_1), charset(), all);
            }
            Map<String, String[]> done = new LinkedHashMap<>();
            all.forEach((name, values) -> done.put(name, values.toArray(String[]::new)));
            parameters = Collections.unmodifiableMap(done);
        }
        return parameters;
    }

    static void formFields(String form, Charset charset, Map<String, List<String>> into) {
        for (String pair : form.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            try {
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), charset);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), charset);
                into.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
            } catch (IllegalArgumentException e) {
                // a field with a broken escape is left out, as if it had not been sent
            }
        }
    }

    private Charset charset() {
        String name = getCharacterEncoding();
        try {
            return name == null ? StandardCharsets.UTF_8 : Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return StandardCharsets.UTF_8;
        }
    }
}
