package org.veritycms.site;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.veritycms.media.FileType;
import org.veritycms.media.LibraryKind;
import org.veritycms.media.MediaStore;

/**
 * Sends media library files under {@code /media/library/}. A file's name is its content's hash, so it
 * never changes: caches may keep it a year without asking again. Each goes with the type its bytes
 * were found to be, {@code nosniff}, and a sandbox, so no browser runs one as a page; documents are
 * downloads. One byte range may be asked for, as video players do to seek.
 */
@ApplicationScoped
public class LibraryFiles {

    static final String PATH = "/library/";
    private static final Pattern NAME = Pattern.compile("([0-9a-f]{64})(-[0-9]{2,5}w)?\\.([a-z0-9]{2,4})");
    private static final Pattern RANGE = Pattern.compile("bytes=([0-9]{1,18})-([0-9]{0,18})");

    @Inject
    MediaStore store;

    /** Sends the file; false when there is none by that name (the caller answers 404). */
    boolean send(String name, HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Matcher m = NAME.matcher(name);
        Optional<FileType> type = m.matches() ? FileType.ofExtension(m.group(3)) : Optional.empty();
        if (type.isEmpty()) {
            return false;
        }
        Optional<MediaStore.Opened> opened = store.open(name);
        if (opened.isEmpty()) {
            return false;
        }
        try (InputStream in = opened.get().stream()) {
            long size = opened.get().size();
            String etag = "\"" + name + "\"";
            resp.setHeader("Cache-Control", "public, max-age=31536000, immutable");
            resp.setHeader("ETag", etag);
            resp.setHeader("X-Content-Type-Options", "nosniff");
            resp.setHeader("Content-Security-Policy", StaticFiles.SANDBOX);
            resp.setHeader("Accept-Ranges", "bytes");
            if (etag.equals(req.getHeader("If-None-Match"))) {
                resp.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
                return true;
            }
            resp.setContentType(type.get().contentType());
            if (type.get().kind() == LibraryKind.DOCUMENT) {
                resp.setHeader("Content-Disposition", "attachment; filename=\"" + name + "\"");
            }
            long from = 0;
            long to = size - 1;
            Matcher range = req.getHeader("Range") == null ? null : RANGE.matcher(req.getHeader("Range"));
            if (range != null && range.matches()) {
                from = Long.parseLong(range.group(1));
                to = range.group(2).isEmpty() ? size - 1 : Math.min(size - 1, Long.parseLong(range.group(2)));
                if (from > to || from >= size) {
                    resp.setStatus(HttpServletResponse.SC_REQUESTED_RANGE_NOT_SATISFIABLE);
                    resp.setHeader("Content-Range", "bytes */" + size);
                    return true;
                }
                resp.setStatus(HttpServletResponse.SC_PARTIAL_CONTENT);
                resp.setHeader("Content-Range", "bytes " + from + "-" + to + "/" + size);
            }
            resp.setContentLengthLong(to - from + 1);
            if (!"HEAD".equals(req.getMethod())) {
                in.skipNBytes(from);
                copy(in, resp, to - from + 1);
            }
            return true;
        }
    }

    private static void copy(InputStream in, HttpServletResponse resp, long length) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        var out = resp.getOutputStream();
        for (long left = length; left > 0; ) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0) {
                break;
            }
            out.write(buffer, 0, n);
            left -= n;
        }
    }
}
