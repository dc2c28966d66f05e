package org.veritycms.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;

/** The XSS and HTML-injection payloads in {@code xss-payloads.txt}, and what may survive rendering. */
public final class XssCorpus {

    /** The only markup a comment body may turn into. */
    public static final Set<String> BODY_ELEMENTS = Set.of("p", "br", "a");
    public static final String REL = "nofollow ugc noopener";

    private XssCorpus() {
    }

    public static List<String> payloads() {
        try (InputStream in = XssCorpus.class.getResourceAsStream("/xss-payloads.txt")) {
            if (in == null) {
                throw new IllegalStateException("xss-payloads.txt is missing from the test resources");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How jsoup's {@code text()} reads a payload shown literally: whitespace collapsed. */
    public static String asText(String payload) {
        return payload.strip().replaceAll("\\s+", " ");
    }

    /** Fails unless the element's descendants are only paragraphs, line breaks and safe, nofollow links. */
    public static void assertOnlySafeMarkup(Element container, String context) {
        for (Element e : container.select("*")) {
            if (e == container) {
                continue;
            }
            if (!BODY_ELEMENTS.contains(e.normalName())) {
                throw new AssertionError(context + ": element <" + e.normalName() + "> survived: " + container.html());
            }
            for (Attribute a : e.attributes()) {
                boolean allowed = e.normalName().equals("a") && (a.getKey().equals("href") || a.getKey().equals("rel"));
                if (!allowed) {
                    throw new AssertionError(context + ": attribute " + a.getKey() + " survived: " + container.html());
                }
            }
            if (e.normalName().equals("a")) {
                String href = e.attr("href");
                if (!(href.startsWith("http://") || href.startsWith("https://"))) {
                    throw new AssertionError(context + ": link to " + href);
                }
                if (!e.attr("rel").equals(REL)) {
                    throw new AssertionError(context + ": link without rel=\"" + REL + "\": " + e.outerHtml());
                }
            }
        }
    }
}
