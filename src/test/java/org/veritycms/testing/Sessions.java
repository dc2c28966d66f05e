package org.veritycms.testing;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Signs in through the real form (reader cookie, CSRF token, password) and returns the session cookie. */
public final class Sessions {

    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    private Sessions() {
    }

    public static String signIn(String username) {
        HttpResponse<String> form = Http.get("/admin/login");
        String reader = form.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("verity_reader="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElseThrow();
        Matcher m = CSRF.matcher(form.body());
        if (!m.find()) {
            throw new IllegalStateException("No CSRF field on the sign-in form");
        }
        HttpResponse<String> done = Http.post("/admin/login", "application/x-www-form-urlencoded",
                "username=" + enc(username) + "&password=" + enc(TestAccounts.PASSWORD) + "&next=%2Fadmin&csrf=" + enc(m.group(1)),
                "Cookie", reader);
        return done.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("verity_session="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst()
                .orElseThrow(() -> new IllegalStateException("Sign-in failed: " + done.statusCode()));
    }

    /** A GET with the session cookie. */
    public static HttpResponse<String> get(String cookie, String path) {
        return Http.send(HttpRequest.newBuilder(URI.create(Http.base() + path)).header("Cookie", cookie).build());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
