package org.veritycms.site;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Sends a file with its type, a validator and a cache lifetime; answers 304 when unchanged. A
 * file that is not there, or of a type not served, is left to the caller to answer.
 */
final class StaticFiles {

    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("css", "text/css;charset=UTF-8"), Map.entry("js", "text/javascript;charset=UTF-8"),
            Map.entry("svg", "image/svg+xml"), Map.entry("png", "image/png"), Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"), Map.entry("webp", "image/webp"), Map.entry("gif", "image/gif"),
            Map.entry("ico", "image/x-icon"), Map.entry("woff2", "font/woff2"), Map.entry("txt", "text/plain;charset=UTF-8"),
            Map.entry("mp4", "video/mp4"), Map.entry("webm", "video/webm"), Map.entry("mp3", "audio/mpeg"),
            Map.entry("vtt", "text/vtt;charset=UTF-8"), Map.entry("json", "application/json"));

    /** For a file a browser could run as a page (SVG, a library file): nothing runs, nothing loads. */
    static final String SANDBOX = "default-src 'none'; style-src 'unsafe-inline'; sandbox";

    private StaticFiles() {
    }

    /** Sends the file if there is one of a type served; false when nothing was sent. */
    static boolean send(Optional<Path> found, HttpServletRequest req, HttpServletResponse resp, int maxAgeSeconds)
            throws IOException {
        if (found.isEmpty()) {
            return false;
        }
        Path file = found.get();
        String name = file.getFileName().toString();
        String type = TYPES.get(name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT));
        if (type == null) {
            return false;
        }
        long modified = Files.getLastModifiedTime(file).toMillis();
        String etag = "\"" + Long.toHexString(modified) + "-" + Long.toHexString(Files.size(file)) + "\"";
        resp.setHeader("ETag", etag);
        resp.setHeader("Cache-Control", "public, max-age=" + maxAgeSeconds);
        resp.setDateHeader("Last-Modified", modified);
        resp.setHeader("X-Content-Type-Options", "nosniff");
        if (etag.equals(req.getHeader("If-None-Match"))) {
            resp.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return true;
        }
        resp.setContentType(type);
        if (name.endsWith(".svg")) {
            resp.setHeader("Content-Security-Policy", SANDBOX);
        }
        resp.setContentLengthLong(Files.size(file));
        if (!"HEAD".equals(req.getMethod())) {
            Files.copy(file, resp.getOutputStream());
        }
        return true;
    }
}
