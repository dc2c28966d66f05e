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

/** Theme assets under {@code /assets/} and content media under {@code /media/}. */
@WebServlet(urlPatterns = {"/assets/*", "/media/*"})
public class AssetServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient ThemeRegistry themes;

    @Inject
    transient ContentFolder content;

    @Inject
    transient ErrorResponses responses;

    /** Files are only read: any other method (TRACE, which HttpServlet would echo, among them) is refused. */
    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        if (Set.of("GET", "HEAD", "OPTIONS").contains(req.getMethod())) {
            super.service(req, resp);
            return;
        }
        resp.setHeader("Allow", "GET, HEAD, OPTIONS");
        responses.send(RequestProblems.methodNotAllowed(), req, resp);
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getPathInfo();
        if (path == null || path.length() < 2 || path.contains("..") || path.contains("\\")) {
            resp.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        String relative = path.substring(1);
        boolean media = "/media".equals(req.getServletPath());
        StaticFiles.send(media ? content.media(relative) : themes.staticFile(relative), req, resp,
                media ? 86_400 : 3_600);
    }
}
