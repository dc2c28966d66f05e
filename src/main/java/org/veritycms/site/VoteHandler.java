package org.veritycms.site;

import io.undertow.server.Connectors;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.Cookie;
import io.undertow.util.HeaderMap;
import io.undertow.util.HeaderValues;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import io.undertow.util.ImmediatePooledByteBuffer;
import io.undertow.util.Methods;
import io.undertow.util.SameThreadExecutor;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.veritycms.rating.Stars;
import org.veritycms.shared.ReaderTokens;
import org.xnio.IoUtils;
import org.xnio.channels.StreamSourceChannel;

/**
 * The readers' hot path for votes, ahead of the servlet chain: a plain JSON vote
 * ({@code POST /api/v1/pages/{slug}/ratings} with {@code {"stars": n}}) is read on the I/O thread,
 * queued for the next group of votes ({@link org.veritycms.rating.VoteQueue}) and answered when its
 * commit is done, with no worker thread, servlet request or CDI request held while it waits. The
 * answer is the one {@link org.veritycms.rating.RatingApi#rateByJson} gives, with the same security
 * headers and the same problem+json for a refusal. Anything else (a note, a query, another media
 * type, a body that is not a plain vote) goes on to the servlet chain with its body as it came.
 * Put in place by {@link ReaderHotPaths}.
 */
public final class VoteHandler implements HttpHandler {

    /** A plain vote's body is a few bytes; a longer one (a note) goes the full way. */
    static final int MAX_PLAIN_BODY = 128;

    private static final String PREFIX = "/api/v1/pages/";
    private static final String SUFFIX = "/ratings";
    private static final Map<String, HttpString> NAMES = new ConcurrentHashMap<>();

    private static volatile VoteIntake intake;

    private final HttpHandler next;

    VoteHandler(HttpHandler next) {
        this.next = next;
    }

    static void serve(VoteIntake serving) {
        intake = serving;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        VoteIntake serving = intake;
        String slug = serving == null ? null : plainVoteSlug(exchange);
        if (slug == null) {
            next.handleRequest(exchange);
            return;
        }
        ByteBuffer body = ByteBuffer.allocate((int) exchange.getRequestContentLength());
        StreamSourceChannel channel = exchange.getRequestChannel();
        if (channel == null || readInto(channel, body)) {
            take(exchange, serving, slug, body);
            return;
        }
        // the rest of the body is still on its way: read it as it comes, then go on as above
        channel.getReadSetter().set(ready -> {
            try {
                if (readInto(ready, body)) {
                    ready.getReadSetter().set(null);
                    ready.suspendReads();
                    Connectors.executeRootHandler(done -> take(done, serving, slug, body), exchange);
                }
            } catch (IOException e) {
                IoUtils.safeClose(exchange.getConnection());
            }
        });
        channel.resumeReads();
    }

    /** Reads what has come of the body; true once it is all there. */
    private static boolean readInto(StreamSourceChannel channel, ByteBuffer body) throws IOException {
        while (body.hasRemaining()) {
            int read = channel.read(body);
            if (read < 0) {
                throw new EOFException("The request body ended before its declared length");
            }
            if (read == 0) {
                return false;
            }
        }
        return true;
    }

    private void take(HttpServerExchange exchange, VoteIntake serving, String slug, ByteBuffer body) throws Exception {
        byte[] bytes = body.array();
        Optional<Stars> stars = body.hasRemaining() ? Optional.empty() : serving.plainStars(bytes);
        if (stars.isEmpty()) {
            // not a plain vote: the servlet chain reads the same body and answers it
            Connectors.ungetRequestBytes(exchange, new ImmediatePooledByteBuffer(ByteBuffer.wrap(bytes, 0, body.position())));
            Connectors.resetRequestChannel(exchange);
            next.handleRequest(exchange);
            return;
        }
        Cookie cookie = exchange.getRequestCookie(ReaderTokens.COOKIE);
        HeaderValues forwarded = exchange.getRequestHeaders().get(Headers.X_FORWARDED_FOR);
        boolean secure = exchange.isSecure() || "https".equalsIgnoreCase(header(exchange, Headers.X_FORWARDED_PROTO));
        String path = exchange.getRequestPath();
        var answer = serving.submit(slug, stars.get(), cookie == null ? null : cookie.getValue(),
                exchange.getSourceAddress().getAddress().getHostAddress(), forwarded == null ? List.of() : List.copyOf(forwarded),
                secure, path, exchange.getIoThread());
        exchange.dispatch(SameThreadExecutor.INSTANCE, () -> answer.whenComplete((done, failed) -> {
            if (failed != null) {
                // only a fault in writing the answer itself gets here
                exchange.setStatusCode(500);
                exchange.endExchange();
                return;
            }
            send(exchange, serving, done);
        }));
    }

    private static void send(HttpServerExchange exchange, VoteIntake serving, VoteIntake.Answer answer) {
        HeaderMap headers = exchange.getResponseHeaders();
        serving.securityHeaders().forEach((name, value) -> headers.put(name(name), value));
        answer.setCookie().ifPresent(cookie -> headers.put(Headers.SET_COOKIE, cookie));
        if (answer.retryAfterSeconds() > 0) {
            headers.put(Headers.RETRY_AFTER, answer.retryAfterSeconds());
        }
        byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
        headers.put(Headers.CONTENT_TYPE, answer.type());
        headers.put(Headers.CONTENT_LENGTH, body.length);
        exchange.setStatusCode(answer.status());
        exchange.getResponseSender().send(ByteBuffer.wrap(body));
    }

    /**
     * The page's slug when the request may be a plain vote: POST to a page's ratings, no query,
     * {@code Content-Type: application/json} (UTF-8 if a charset is named), a declared length up to
     * {@link #MAX_PLAIN_BODY}, no {@code Expect}, and an Accept the API answers with JSON; null otherwise.
     */
    static String plainVoteSlug(HttpServerExchange exchange) {
        if (!Methods.POST.equals(exchange.getRequestMethod()) || !exchange.getQueryString().isEmpty()) {
            return null;
        }
        String path = exchange.getRequestPath();
        if (!path.startsWith(PREFIX) || !path.endsWith(SUFFIX) || path.length() <= PREFIX.length() + SUFFIX.length()
                || !CachedPageFilter.isSlug(path, PREFIX.length(), path.length() - SUFFIX.length())) {
            return null;
        }
        HeaderMap in = exchange.getRequestHeaders();
        long length = exchange.getRequestContentLength();
        if (length <= 0 || length > MAX_PLAIN_BODY || in.contains(Headers.TRANSFER_ENCODING) || in.contains(Headers.EXPECT)
                || !isJson(in.getFirst(Headers.CONTENT_TYPE)) || !acceptsJson(in.getFirst(Headers.ACCEPT))) {
            return null;
        }
        return path.substring(PREFIX.length(), path.length() - SUFFIX.length());
    }

    static boolean isJson(String type) {
        return type != null && (type.equalsIgnoreCase("application/json")
                || type.toLowerCase(java.util.Locale.ROOT).replace(" ", "").equals("application/json;charset=utf-8"));
    }

    static boolean acceptsJson(String accept) {
        return accept == null || accept.equals("*/*") || accept.equalsIgnoreCase("application/json");
    }

    private static String header(HttpServerExchange exchange, HttpString name) {
        return exchange.getRequestHeaders().getFirst(name);
    }

    private static HttpString name(String header) {
        return NAMES.computeIfAbsent(header, HttpString::new);
    }
}
