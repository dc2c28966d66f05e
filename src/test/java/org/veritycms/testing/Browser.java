package org.veritycms.testing;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/** A reader's browser for in-container tests: keeps the reader cookie a page gave and posts its forms with their token. */
public final class Browser {

    private final String cookie;
    private String csrf;

    private Browser(String cookie, String csrf) {
        this.cookie = cookie;
        this.csrf = csrf;
    }

    /** Opens a page that carries a form, taking its cookie and CSRF token. */
    public static Browser open(String path) {
        HttpResponse<String> page = Http.get(path);
        String cookie = page.headers().firstValue("Set-Cookie").map(c -> c.split(";", 2)[0])
                .orElseThrow(() -> new IllegalStateException(path + " gave no reader cookie"));
        return new Browser(cookie, csrfOf(page.body()));
    }

    public HttpResponse<String> get(String path) {
        HttpResponse<String> page = Http.send(HttpRequest.newBuilder(URI.create(Http.base() + path)).header("Accept", "text/html")
                .header("Cookie", cookie).GET().build());
        String token = csrfOf(page.body());
        if (token != null) {
            csrf = token;
        }
        return page;
    }

    /** Posts a form: field names and values in pairs, plus this reader's CSRF token. */
    public HttpResponse<String> post(String path, String... fields) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("csrf", csrf);
        for (int i = 0; i + 1 < fields.length; i += 2) {
            form.put(fields[i], fields[i + 1]);
        }
        return Http.post(path, "application/x-www-form-urlencoded", TestReaders.form(form), "Cookie", cookie,
                "Accept", "text/html");
    }

    private static String csrfOf(String html) {
        Element field = Jsoup.parse(html).selectFirst("form[method=post] input[name=csrf]");
        return field == null ? null : field.val();
    }
}
