package org.veritycms.site;

import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.veritycms.content.ContentFolder;
import org.veritycms.theme.ThemeRegistry;

/**
 * Theme assets under {@code /assets/}, content media under {@code /media/} (the media library's files
 * under {@code /media/library/}, see {@link LibraryFiles}), and {@code /favicon.ico}
 * (which browsers ask for whatever the page names) sent on to the theme's icon. A miss gets the
 * site's own not-found page.
 */
@WebServlet(urlPatterns = {"/assets/*", "/media/*", AssetServlet.FAVICON})
public class AssetServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    static final String FAVICON = "/favicon.ico";
    static final String ICON = "/assets/favicon.svg";

    @Inject
    transient ThemeRegistry themes;

    @Inject
    transient ContentFolder content;

    @Inject
    transient ErrorResponses errors;

    @Inject
    transient LibraryFiles library;

    /** Files are only read: any other method (TRACE, which HttpServlet would echo, among them) is refused. */
    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        if (Set.of("GET", "HEAD", "OPTIONS").contains(req.getMethod())) {
            super.service(req, resp);
            return;
        }
        resp.setHeader("Allow", "GET, HEAD, OPTIONS");
        errors.send(RequestProblems.methodNotAllowed(), req, resp);
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (FAVICON.equals(req.getServletPath())) {
            resp.setStatus(HttpServletResponse.SC_MOVED_PERMANENTLY);
            resp.setHeader("Location", ICON);
            resp.setHeader("Cache-Control", "public, max-age=86400");
            return;
        }
        String path = req.getPathInfo();
        boolean sent = false;
        if (path != null && path.length() >= 2 && !path.contains("..") && !path.contains("\\")) {
            String relative = path.substring(1);
            boolean media = "/media".equals(req.getServletPath());
            sent = media && path.startsWith(LibraryFiles.PATH) ? library.send(path.substring(LibraryFiles.PATH.length()), req, resp)
                    : StaticFiles.send(media ? content.media(relative) : themes.staticFile(relative), req, resp,
                    media ? 86_400 : 3_600);
        }
        if (!sent) {
            errors.sendPage(ErrorResponses.NOT_FOUND, req, resp);
        }
    }
}
