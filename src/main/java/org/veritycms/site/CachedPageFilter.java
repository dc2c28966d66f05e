package org.veritycms.site;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.Optional;

/**
 * The readers' hot path: a guidance page whose rendering is in the {@link PageCache} and still
 * true is answered here, the same bytes for every reader, without going through JAX-RS. Anything
 * else (a page not cached or gone stale, a request that does not ask for HTML) goes on to
 * {@link SiteResource}, which renders, caches and answers exactly the same way.
 *
 * <p>Mapped in {@code web.xml} after {@link SecurityHeaders} and {@link RequestSizeLimit}, so the
 * answer carries the same headers.
 */
public class CachedPageFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Inject
    PageCache cache;

    @Inject
    Notices notices;

    @Inject
    HttpCaching caching;

    @Inject
    Clock clock;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Optional<SharedPage> page = cachedPage(request);
        if (page.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        HttpCaching.Answer answer = caching.answer(page.get(), notices.of(request), request, clock.instant());
        response.setStatus(answer.status());
        answer.headers().forEach(response::setHeader);
        if (answer.body() != null) {
            response.setContentLength(answer.body().length);
            response.getOutputStream().write(answer.body());
        }
    }

    private Optional<SharedPage> cachedPage(HttpServletRequest request) {
        if (!"GET".equals(request.getMethod()) || !acceptsHtml(request.getHeader("Accept"))) {
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
}
