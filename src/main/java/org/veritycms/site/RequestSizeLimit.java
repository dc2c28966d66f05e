package org.veritycms.site;

import io.undertow.servlet.handlers.ServletRequestContext;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.veritycms.media.MediaLibrary;

/**
 * Refuses a request body over 1 MiB with 413, counted on the bytes actually sent: a declared
 * Content-Length over the limit is refused unread; a chunked body is read ahead up to the limit and,
 * when it fits, handed on from memory. Problem+json for the API and API clients, the themed page for
 * browsers.
 *
 * <p>The server itself sets no limit (so that no body, however large, is cut off before the application
 * answers). The 413 is sent at once; afterwards the server reads and discards the rest of the body, up
 * to {@link #DISCARD_LIMIT}, so that the client can read the answer (past that it closes the connection):
 * closing over unread bytes makes the operating system reset the connection, and a reset can destroy
 * the answer before the client reads it.
 *
 * <p>The media library's upload ({@code POST /admin/media}) has a limit of its own: a file and its
 * captions of up to {@code verity.media.max-bytes} each, and the form's fields. Its body is handed on
 * unread, as the upload streams it to disk and counts every file itself.
 */
public class RequestSizeLimit extends HttpFilter {

    private static final long serialVersionUID = 1L;

    /** How much of a body, in all, the server reads; past this it closes the connection. */
    static final long DISCARD_LIMIT = 32L * 1024 * 1024;

    static final String MEDIA_UPLOAD = "/admin/media";

    /** Room for the upload form's text fields beside its two files. */
    static final long UPLOAD_FIELDS = 1024L * 1024;

    @Inject
    transient ErrorResponses responses;

    @Inject
    transient MediaLibrary library;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        long declared = request.getContentLengthLong();
        boolean chunked = declared < 0 && request.getHeader("Transfer-Encoding") != null;
        if (declared <= 0 && !chunked) {
            chain.doFilter(request, response);
            return;
        }
        if (isUpload(request)) {
            long limit = 2 * library.maxBytes() + UPLOAD_FIELDS;
            ServletRequestContext.requireCurrent().getExchange().setMaxEntitySize(limit);
            if (declared > limit) {
                refuse(request, response, RequestProblems.uploadTooLarge(limit));
                return;
            }
            chain.doFilter(request, response);
            return;
        }
        ServletRequestContext.requireCurrent().getExchange().setMaxEntitySize(DISCARD_LIMIT);
        if (declared > RequestProblems.MAX_BODY) {
            refuse(request, response);
            return;
        }
        if (chunked) {
            byte[] body;
            try {
                body = BufferedBody.readUpTo(request.getInputStream(), RequestProblems.MAX_BODY);
            } catch (IOException e) {
                body = null; // longer than the server reads at all
            }
            if (body == null) {
                refuse(request, response);
                return;
            }
            chain.doFilter(new BufferedBody(request, body), response);
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean isUpload(HttpServletRequest request) {
        return "POST".equals(request.getMethod()) && MEDIA_UPLOAD.equals(request.getRequestURI());
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
        refuse(request, response, RequestProblems.tooLarge());
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, org.veritycms.shared.Problem problem)
            throws IOException {
        if (request.getContentLengthLong() > DISCARD_LIMIT || isUpload(request)) {
            response.setHeader("Connection", "close"); // the server will not read it all, so it cannot keep the connection
        }
        responses.send(problem, request, response);
        response.flushBuffer();
    }
}
