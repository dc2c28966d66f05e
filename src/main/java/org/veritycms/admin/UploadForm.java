package org.veritycms.admin;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;
import org.veritycms.account.CsrfFilter;
import org.veritycms.media.Description;
import org.veritycms.media.Spooled;
import org.veritycms.shared.Problem;
import org.veritycms.shared.ProblemException;

/**
 * The library's upload form as it arrives: its text fields, and its files spooled to disk as they
 * stream in, each held to the size limit. The CSRF token must come before any file (the form puts it
 * first), so a forged upload is refused before a byte of it is written. A file over the limit is
 * read on and thrown away, so that the fields after it still come back to the editor with the error.
 */
final class UploadForm implements AutoCloseable {

    static final String FILE = "file";
    static final String CAPTIONS = "captions";
    private static final int MAX_FIELD = 512 * 1024;

    private final Map<String, String> fields = new HashMap<>();
    private Spooled file;
    private Spooled captions;
    private String originalName;
    private ProblemException tooLarge;

    private UploadForm() {
    }

    /**
     * Reads the whole body. {@code tokenValid} judges the CSRF token; a body that breaks off or is
     * longer than the server reads leaves the fields read so far and a 413 or 400 problem.
     */
    static UploadForm read(InputStream body, String contentType, long maxBytes, Path incoming, Predicate<String> tokenValid) {
        UploadForm form = new UploadForm();
        String boundary = MultipartReader.boundaryOf(contentType);
        if (boundary == null) {
            throw ProblemException.badRequest("not-multipart", "The upload form must be sent as multipart/form-data.");
        }
        boolean checked = false;
        try {
            MultipartReader reader = new MultipartReader(body, boundary);
            for (MultipartReader.Part part = reader.next(); part != null; part = reader.next()) {
                if (!part.isFile()) {
                    form.fields.put(part.name(), field(part.body()));
                    continue;
                }
                if (!checked) {
                    form.requireToken(tokenValid);
                    checked = true;
                }
                form.receive(part, maxBytes, incoming);
            }
        } catch (IOException e) {
            form.tooLarge = form.tooLarge != null ? form.tooLarge : ProblemException.badRequest("upload-broken",
                    "The upload did not arrive whole (it may be larger than the server reads). Choose the file again and"
                            + " upload it once more.");
        } catch (RuntimeException e) {
            form.close();
            throw e;
        }
        if (!checked) {
            form.requireToken(tokenValid);
        }
        return form;
    }

    private void requireToken(Predicate<String> tokenValid) {
        if (!tokenValid.test(fields.get("csrf"))) {
            close();
            throw CsrfFilter.expired();
        }
    }

    private void receive(MultipartReader.Part part, long maxBytes, Path incoming) throws IOException {
        boolean main = FILE.equals(part.name());
        if (!main && !CAPTIONS.equals(part.name()) || (main ? file : captions) != null || tooLarge != null) {
            return; // a field the form does not have, a second file, or nothing more worth keeping
        }
        try {
            Spooled spooled = Spooled.receive(part.body(), maxBytes, incoming);
            if (main) {
                file = spooled;
                originalName = part.filename();
            } else {
                captions = spooled;
            }
        } catch (ProblemException e) {
            tooLarge = new ProblemException(new Problem(e.problem().type(), e.problem().title(), e.problem().status(),
                    e.problem().detail(), java.util.List.of(new Problem.FieldError(part.name(), e.problem().fieldErrors().get(0).message()))));
        }
    }

    private static String field(InputStream body) throws IOException {
        byte[] bytes = body.readNBytes(MAX_FIELD + 1);
        if (bytes.length > MAX_FIELD) {
            throw ProblemException.badRequest("field-too-long", "A field of the form is longer than the library takes.");
        }
        return new String(bytes, StandardCharsets.UTF_8).replace("\r\n", "\n");
    }

    /** The problem the body itself had (a file over the limit, a broken upload), if any. */
    ProblemException problem() {
        return tooLarge;
    }

    String text(String name) {
        return fields.getOrDefault(name, "");
    }

    Description description() {
        return new Description(text("title"), text("altText"), "true".equals(fields.get("decorative")), text("transcript"));
    }

    Spooled file() { return file; }
    Spooled captions() { return captions; }
    String originalName() { return originalName; }

    /** Deletes whatever was spooled and not taken into the store. */
    @Override
    public void close() {
        if (file != null) {
            file.close();
        }
        if (captions != null) {
            captions.close();
        }
    }
}
