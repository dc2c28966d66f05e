package org.veritycms.testing;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A reader's browser for in-container tests. Pages are shared, so a page view gives no cookie;
 * the reader cookie comes with the answer to the first form the reader sends, and is sent back
 * from then on, as a browser would. Each browser comes from an address of its own
 * ({@link TestAddresses}), so its first, cookieless forms count against no other test's allowance.
 */
public final class Browser {

    private final String address = TestAddresses.next();
    private String cookie;

    private Browser() {
    }

    /** Opens a page as a reader who has not sent anything yet, checking that it hands out no cookie. */
    public static Browser open(String path) {
        HttpResponse<String> page = Http.get(path);
        if (page.headers().firstValue("Set-Cookie").isPresent()) {
            throw new IllegalStateException(path + " set a cookie on a page view: " + page.headers().allValues("Set-Cookie"));
        }
        return new Browser();
    }

    public HttpResponse<String> get(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(Http.base() + path)).header("Accept", "text/html")
                .header(TestAddresses.HEADER, address).GET();
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return keepCookie(Http.send(request.build()));
    }

    /** Posts a form from this site: field names and values in pairs. */
    public HttpResponse<String> post(String path, String... fields) {
        Map<String, String> form = new LinkedHashMap<>();
        for (int i = 0; i + 1 < fields.length; i += 2) {
            form.put(fields[i], fields[i + 1]);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(Http.base() + path))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
                .header("Sec-Fetch-Site", "same-origin").header(TestAddresses.HEADER, address)
                .POST(HttpRequest.BodyPublishers.ofString(TestReaders.form(form)));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return keepCookie(Http.send(request.build()));
    }

    /** The reader cookie this browser holds, if a form answer gave one. */
    public String cookie() {
        return cookie;
    }

    private HttpResponse<String> keepCookie(HttpResponse<String> answer) {
        answer.headers().allValues("Set-Cookie").stream().map(c -> c.split(";", 2)[0]).filter(c -> c.startsWith("verity_reader="))
                .findFirst().ifPresent(c -> cookie = c);
        return answer;
    }
}
