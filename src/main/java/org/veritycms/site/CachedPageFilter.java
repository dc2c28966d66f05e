package org.veritycms.site;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.Optional;
import org.veritycms.account.SessionStore;
import org.veritycms.shared.ReaderTokens;

/**
 * The readers' hot path: a guidance page whose rendering is in the {@link PageCache} and still
 * true is answered here, made the reader's own, without going through JAX-RS. Anything else (a
 * page not cached or gone stale, someone signed in, a request that does not ask for HTML) goes
 * on to {@link SiteResource}, which renders, caches and answers exactly the same way.
 *
 * <p>Mapped in {@code web.xml} after {@link SecurityHeaders} and {@link RequestSizeLimit}, so the
 * answer carries the same headers.
 */
public class CachedPageFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Inject
    PageCache cache;

    @Inject
    Visitors visitors;

    @Inject
    Clock clock;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Optional<FillableHtml> page = cachedPage(request);
        if (page.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        Visitors.Personalised own = visitors.personalise(page.get(), cookie(request, ReaderTokens.COOKIE), request);
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Cache-Control", Visitors.CACHE_CONTROL);
        own.newReaderToken().ifPresent(token -> response.addHeader("Set-Cookie", visitors.readerCookieHeader(token, request)));
        response.setContentLength(own.body().length);
        response.getOutputStream().write(own.body());
    }

    private Optional<FillableHtml> cachedPage(HttpServletRequest request) {
        if (!"GET".equals(request.getMethod()) || !acceptsHtml(request.getHeader("Accept"))
                || cookie(request, SessionStore.COOKIE) != null) {
            return Optional.empty();
        }
        String path = request.getRequestURI();
        int second = path.indexOf('/', 1);
        if (!path.startsWith("/") || second < 0 || !isSlug(path, 1, second) || !isSlug(path, second + 1, path.length())) {
            return Optional.empty();
        }
        return cache.fresh(path.substring(1, second), path.substring(second + 1), clock.instant());
    }

    /** Whether {@code path[from, to)} is a slug as {@link SiteResource#SLUG} says: words of a-z0-9 joined by single hyphens. */
    static boolean isSlug(String path, int from, int to) {
        if (from >= to || path.charAt(from) == '-' || path.charAt(to - 1) == '-') {
            return false;
        }
        for (int i = from; i < to; i++) {
            char c = path.charAt(i);
            boolean word = c >= 'a' && c <= 'z' || c >= '0' && c <= '9';
            if (!word && !(c == '-' && path.charAt(i - 1) != '-')) {
                return false;
            }
        }
        return true;
    }

    /** What {@link SiteResource} answers with its {@code text/html} resource; anything pickier goes there. */
    private static boolean acceptsHtml(String accept) {
        return accept == null || accept.isBlank() || accept.contains("text/html") || accept.contains("*/*")
                || accept.contains("text/*");
    }

    private static String cookie(HttpServletRequest request, String name) {
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie c : cookies) {
                if (name.equals(c.getName())) {
                    return c.getValue();
                }
            }
        }
        return null;
    }
}
