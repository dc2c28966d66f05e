package org.veritycms.site;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

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
    /** Accept headers seen to parse and ask for HTML: browsers send a handful, parsed once each. */
    private static final Set<String> HTML_ACCEPTS = ConcurrentHashMap.newKeySet();
    private static final int MAX_REMEMBERED_ACCEPTS = 256;

    /** This deployment's filter once it is initialised, for {@link SharedPageHandler} ahead of the servlet chain. */
    private static volatile CachedPageFilter serving;

    /** An answer from the cache, and the security headers {@link SecurityHeaders} would have added. */
    record Served(HttpCaching.Answer answer, Map<String, String> securityHeaders) {
    }

    @Inject
    PageCache cache;

    @Inject
    Notices notices;

    @Inject
    HttpCaching caching;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "verity.security.hsts-seconds", defaultValue = "0")
    long hstsSeconds;

    private transient Map<String, String> securityHeaders;

    @Override
    public void init() {
        securityHeaders = SecurityHeaders.headers(hstsSeconds);
        serving = this;
    }

    @Override
    public void destroy() {
        if (serving == this) {
            serving = null;
        }
    }

    static Optional<CachedPageFilter> serving() {
        return Optional.ofNullable(serving);
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Optional<SharedPage> page = "GET".equals(request.getMethod()) && acceptsHtml(request.getHeader("Accept"))
                ? cachedPage(request.getRequestURI()) : Optional.empty();
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

    /** The answer to a plain view (no query, so no notice) of the page at this path, when it is cached and still true. */
    Optional<Served> answer(String path, String ifNoneMatch, String ifModifiedSince) {
        return cachedPage(path).map(page -> new Served(
                caching.answer(page, Notices.Shown.NONE, ifNoneMatch, ifModifiedSince, clock.instant()), securityHeaders));
    }

    private Optional<SharedPage> cachedPage(String path) {
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

    /**
     * What {@link SiteResource} answers with its {@code text/html} resource, from an Accept header
     * {@link MalformedRequests} lets through; anything pickier or unreadable goes there.
     */
    static boolean acceptsHtml(String accept) {
        if (accept == null || accept.isBlank()) {
            return true;
        }
        if (HTML_ACCEPTS.contains(accept)) {
            return true;
        }
        boolean html = (accept.contains("text/html") || accept.contains("*/*") || accept.contains("text/*"))
                && MalformedRequests.parses(accept, true);
        if (html && HTML_ACCEPTS.size() < MAX_REMEMBERED_ACCEPTS) {
            HTML_ACCEPTS.add(accept);
        }
        return html;
    }
}
