package org.veritycms.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.veritycms.page.PageChanged;
import org.veritycms.page.PageChangesCommitted;

/** The purge requests a committed change sends to a cache: a real HTTP server stands in for Varnish. */
class FrontendPurgeTest {

    private final List<String> requests = new CopyOnWriteArrayList<>();
    private HttpServer cache;
    private FrontendPurge purge;

    @BeforeEach
    void startCache() throws IOException {
        cache = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        cache.createContext("/", exchange -> {
            requests.add(exchange.getRequestMethod() + " " + exchange.getRequestHeaders().getFirst(FrontendPurge.HEADER));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        cache.start();
        purge = new FrontendPurge(Optional.of(List.of("http://127.0.0.1:" + cache.getAddress().getPort() + "/")), 30);
    }

    @AfterEach
    void stopCache() {
        cache.stop(0);
    }

    @Test
    void theAnswerWaitsForOnePurgeOfEveryPageATransactionChanged() {
        purge.onCommitted(new PageChangesCommitted(Set.of("back-pain", "neck-pain")));

        assertEquals(1, requests.size(), "one request for the transaction, sent before the observer returns");
        Set<String> keys = keysOf(requests.get(0));
        assertTrue(requests.get(0).startsWith("PURGE "));
        assertEquals(Set.of(SurrogateKeys.page("back-pain"), SurrogateKeys.related("back-pain"), SurrogateKeys.page("neck-pain"),
                SurrogateKeys.related("neck-pain"), SurrogateKeys.LISTS), keys);
    }

    @Test
    void aLargeTransactionIsPurgedInRequestsOfAtMostAHundredKeysWithNoKeyLeftOut() {
        Set<String> slugs = IntStream.range(0, 150).mapToObj(i -> "page-" + i).collect(Collectors.toSet());

        purge.onCommitted(new PageChangesCommitted(slugs));

        // 150 pages: 300 keys of their own and the lists' key once
        assertEquals(4, requests.size());
        requests.forEach(r -> assertTrue(keysOf(r).size() <= FrontendPurge.KEYS_PER_REQUEST, r));
        Set<String> all = requests.stream().flatMap(r -> keysOf(r).stream()).collect(Collectors.toSet());
        assertEquals(301, all.size());
        assertTrue(all.contains(SurrogateKeys.related("page-149")));
    }

    @Test
    void aChangeThroughThePageIsLeftToItsTransactionsPurgeWhileOtherChangesPurgeAtOnce() {
        purge.onPageChange(new PageChanged("back-pain", PageChanged.Scope.PAGE, false, true));
        assertEquals(List.of(), requests, "announced again with its transaction's pages");

        purge.onPageChange(PageChanged.comments("back-pain"));
        assertEquals(List.of("PURGE " + SurrogateKeys.page("back-pain")), requests);

        purge.onPageChange(new PageChanged("back-pain", PageChanged.Scope.PAGE, true, false));
        assertEquals(1, requests.size(), "another node's change was purged by that node");
    }

    private static Set<String> keysOf(String request) {
        return Arrays.stream(request.substring(request.indexOf(' ') + 1).split(" ")).collect(Collectors.toSet());
    }
}
