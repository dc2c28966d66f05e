package org.veritycms.site;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How a shared public page is answered so that browsers, a CDN and Varnish may keep it: a strong
 * {@code ETag} and {@code Last-Modified}, {@code 304} to a conditional request that still holds,
 * {@code Cache-Control: public} with the configured ages, and the surrogate keys a frontend cache
 * purges by ({@link FrontendPurge}). No age reaches past the instant the page stops being true (a
 * review notice or a withdrawal decided by the date): a cache asks again at that instant.
 */
@ApplicationScoped
public class HttpCaching {

    /** An answer: status, headers and body (none for a 304). */
    public record Answer(int status, Map<String, String> headers, byte[] body) {
    }

    private final long maxAge;
    private final long sharedMaxAge;
    private final long staleWhileRevalidate;
    private final String keyHeader;
    private final String uncut;

    @Inject
    public HttpCaching(@ConfigProperty(name = "verity.http.max-age", defaultValue = "0") long maxAge,
            @ConfigProperty(name = "verity.http.s-maxage", defaultValue = "3600") long sharedMaxAge,
            @ConfigProperty(name = "verity.http.stale-while-revalidate", defaultValue = "30") long staleWhileRevalidate,
            @ConfigProperty(name = "verity.http.surrogate-key-header", defaultValue = "Surrogate-Key") String keyHeader) {
        this.maxAge = Math.max(0, maxAge);
        this.sharedMaxAge = Math.max(0, sharedMaxAge);
        this.staleWhileRevalidate = Math.max(0, staleWhileRevalidate);
        this.keyHeader = keyHeader;
        this.uncut = "public, max-age=" + this.maxAge + ", s-maxage=" + this.sharedMaxAge
                + (this.staleWhileRevalidate > 0 ? ", stale-while-revalidate=" + this.staleWhileRevalidate : "");
    }

    protected HttpCaching() {
        this(0, 0, 0, "Surrogate-Key");
    }

    /** The answer to a GET or HEAD of the page, at the address's notices, at {@code now}. */
    public Answer answer(SharedPage page, Notices.Shown notices, HttpServletRequest request, Instant now) {
        return answer(page, notices, request.getHeader("If-None-Match"), request.getHeader("If-Modified-Since"), now);
    }

    /** The same, given the request's two conditional headers (either may be null). */
    public Answer answer(SharedPage page, Notices.Shown notices, String ifNoneMatch, String ifModifiedSince, Instant now) {
        String etag = page.etag(notices);
        Map<String, String> headers = new LinkedHashMap<>(8);
        headers.put("Content-Type", "text/html;charset=UTF-8");
        headers.put("ETag", etag);
        headers.put("Last-Modified", page.lastModifiedHeader());
        headers.put("Cache-Control", cacheControl(page.validUntil(), now));
        if (!keyHeader.isBlank() && !page.keys().isEmpty()) {
            headers.put(keyHeader, page.keysHeader());
        }
        if (notModified(ifNoneMatch, ifModifiedSince, etag, page.lastModified())) {
            return new Answer(304, headers, null);
        }
        return new Answer(200, headers, page.body(notices));
    }

    /** Public, with ages cut to the time left before the page stops being true; nothing stale served past it. */
    String cacheControl(Instant validUntil, Instant now) {
        long left = Math.max(0, Duration.between(now, validUntil).getSeconds());
        if (left >= Math.max(maxAge, sharedMaxAge + staleWhileRevalidate)) {
            return uncut; // most pages, most of the time: written once
        }
        long shared = Math.min(sharedMaxAge, left);
        long browser = Math.min(maxAge, left);
        long stale = Math.min(staleWhileRevalidate, left - shared);
        return "public, max-age=" + browser + ", s-maxage=" + shared + (stale > 0 ? ", stale-while-revalidate=" + stale : "");
    }

    /**
     * RFC 9110: {@code If-None-Match} (weak comparison, {@code *} included) decides when present;
     * otherwise {@code If-Modified-Since}, to the second.
     */
    static boolean notModified(String noneMatch, String since, String etag, Instant lastModified) {
        if (noneMatch != null) {
            return matches(noneMatch, etag);
        }
        if (since == null) {
            return false;
        }
        try {
            Instant date = ZonedDateTime.parse(since.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            return !lastModified.isAfter(date);
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    static boolean matches(String noneMatch, String etag) {
        String opaque = etag.substring(1, etag.length() - 1);
        for (String candidate : noneMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.equals("*")) {
                return true;
            }
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"") && tag.substring(1, tag.length() - 1).equals(opaque)) {
                return true;
            }
        }
        return false;
    }

    /** IMF-fixdate, as RFC 9110 asks senders to write it (two-digit day, GMT). */
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'",
            Locale.ENGLISH).withZone(ZoneOffset.UTC);

    static String httpDate(Instant instant) {
        return HTTP_DATE.format(instant);
    }
}
