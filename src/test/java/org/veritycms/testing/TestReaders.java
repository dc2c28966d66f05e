package org.veritycms.testing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.veritycms.account.VisitorKeys;
import org.veritycms.comment.FormStamps;
import org.veritycms.shared.ReaderTokens;

/**
 * Anonymous readers for in-container tests: a genuine reader cookie and the CSRF token that goes
 * with it, as a page would have given them, and a form stamp from a minute ago (a person who
 * took their time), so that a test can post as many distinct readers as it needs. Each reader
 * comes from an address of their own ({@link TestAddresses}) unless a test puts several behind one.
 */
@ApplicationScoped
public class TestReaders {

    /** A reader with their cookie and form token, and the address they write from. */
    public record Reader(String id, String cookie, String csrf, String stamp, String address) {

        /** Posts the comment form of a page: name, body and any other fields (email, parent, website, shown). */
        public HttpResponse<String> comment(TestPages.TestPage page, String name, String body, String... more) {
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("csrf", csrf);
            fields.put("shown", stamp);
            fields.put("website", "");
            fields.put("name", name);
            fields.put("body", body);
            for (int i = 0; i + 1 < more.length; i += 2) {
                fields.put(more[i], more[i + 1]);
            }
            return post(page.commentsUrl(), fields);
        }

        public HttpResponse<String> report(long commentId, String reason, String note) {
            return post("/comments/" + commentId + "/report", Map.of("csrf", csrf, "reason", reason, "note", note));
        }

        public HttpResponse<String> post(String path, Map<String, String> fields) {
            return Http.post(path, "application/x-www-form-urlencoded", form(fields), "Cookie", cookie,
                    TestAddresses.HEADER, address);
        }
    }

    @Inject
    ReaderTokens tokens;

    @Inject
    VisitorKeys keys;

    @Inject
    FormStamps stamps;

    @Inject
    Clock clock;

    public Reader newReader() {
        return newReaderAt(TestAddresses.next());
    }

    /** A new reader (a new cookie) behind the given address. */
    public Reader newReaderAt(String address) {
        String token = tokens.issue();
        String id = tokens.verify(token).orElseThrow();
        return new Reader(id, ReaderTokens.COOKIE + "=" + token, keys.csrfForReader(id), stampSecondsAgo(60), address);
    }

    public String stampSecondsAgo(long seconds) {
        return stamps.issue(clock.instant().minusSeconds(seconds));
    }

    public static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    public static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
