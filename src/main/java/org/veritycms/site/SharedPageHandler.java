package org.veritycms.site;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderMap;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import io.undertow.util.Methods;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The readers' hot path ahead of the servlet chain: a plain {@code GET} of a guidance page that
 * the {@link CachedPageFilter} can answer from the page cache is answered here, on the I/O thread,
 * without a servlet request, a CDI request context or a worker thread. Anything else (a query, a
 * page not cached, a request the filters would refuse or look at) goes on to the servlet chain,
 * which answers it the same way. Put in place by {@link ReaderHotPaths}.
 */
public final class SharedPageHandler implements HttpHandler {

    private static final Map<String, HttpString> NAMES = new ConcurrentHashMap<>();

    private final HttpHandler next;

    SharedPageHandler(HttpHandler next) {
        this.next = next;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        Optional<CachedPageFilter.Served> served = servable(exchange) ? CachedPageFilter.serving()
                .flatMap(pages -> pages.answer(exchange.getRequestPath(), header(exchange, Headers.IF_NONE_MATCH),
                        header(exchange, Headers.IF_MODIFIED_SINCE))) : Optional.empty();
        if (served.isEmpty()) {
            next.handleRequest(exchange);
            return;
        }
        HttpCaching.Answer answer = served.get().answer();
        HeaderMap headers = exchange.getResponseHeaders();
        served.get().securityHeaders().forEach((name, value) -> headers.put(name(name), value));
        answer.headers().forEach((name, value) -> headers.put(name(name), value));
        exchange.setStatusCode(answer.status());
        if (answer.body() == null) {
            exchange.endExchange();
            return;
        }
        headers.put(Headers.CONTENT_LENGTH, answer.body().length);
        exchange.getResponseSender().send(ByteBuffer.wrap(answer.body()));
    }

    /** A plain page view: GET, no query, no body, and an Accept header the servlet chain would take as asking for HTML. */
    private static boolean servable(HttpServerExchange exchange) {
        if (!Methods.GET.equals(exchange.getRequestMethod()) || !exchange.getQueryString().isEmpty()) {
            return false;
        }
        HeaderMap in = exchange.getRequestHeaders();
        return !in.contains(Headers.CONTENT_TYPE) && !in.contains(Headers.CONTENT_LENGTH) && !in.contains(Headers.TRANSFER_ENCODING)
                && CachedPageFilter.acceptsHtml(in.getFirst(Headers.ACCEPT));
    }

    private static String header(HttpServerExchange exchange, HttpString name) {
        return exchange.getRequestHeaders().getFirst(name);
    }

    private static HttpString name(String header) {
        return NAMES.computeIfAbsent(header, HttpString::new);
    }
}
