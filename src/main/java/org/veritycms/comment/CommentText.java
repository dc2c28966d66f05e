package org.veritycms.comment;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * Turns a comment's plain text into HTML: every character escaped, blank lines between
 * paragraphs, single line breaks kept, and web addresses linked with
 * {@code rel="nofollow ugc noopener"}. The result also passes an allow-list sanitizer, so even
 * a mistake here could not let markup through.
 */
public final class CommentText {

    private static final Pattern URL = Pattern.compile("(?i)\\b(?:https?://|www\\.)[^\\s<>\"'`{}|\\\\^]+");
    private static final String TRAILING = ".,;:!?)]'\"";
    private static final String REL = "nofollow ugc noopener";

    private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements("p", "br", "a")
            .allowUrlProtocols("http", "https")
            .allowAttributes("href").onElements("a")
            .requireRelsOnLinks("nofollow", "ugc", "noopener")
            .toFactory();

    private CommentText() {
    }

    public static String toHtml(String plain) {
        StringBuilder html = new StringBuilder(plain.length() + 64);
        for (String paragraph : CommentBody.clean(plain).strip().split("\\n\\s*\\n")) {
            if (paragraph.isBlank()) {
                continue;
            }
            html.append("<p>");
            String[] lines = paragraph.strip().split("\\n");
            for (int i = 0; i < lines.length; i++) {
                if (i > 0) {
                    html.append("<br>");
                }
                linkify(lines[i].strip(), html);
            }
            html.append("</p>");
        }
        return POLICY.sanitize(html.toString());
    }

    /** How many web addresses the text holds. */
    public static int countLinks(String plain) {
        Matcher m = URL.matcher(plain);
        int count = 0;
        while (m.find()) {
            count++;
        }
        return count;
    }

    private static void linkify(String line, StringBuilder html) {
        Matcher m = URL.matcher(line);
        int last = 0;
        while (m.find()) {
            String url = trimTrailing(m.group());
            if (url.replaceFirst("(?i)^(?:https?://|www\\.)", "").isEmpty()) {
                continue;
            }
            int end = m.start() + url.length();
            escape(line.substring(last, m.start()), html);
            String href = url.regionMatches(true, 0, "www.", 0, 4) ? "https://" + url : url;
            html.append("<a href=\"");
            escape(href, html);
            html.append("\" rel=\"").append(REL).append("\">");
            escape(url, html);
            html.append("</a>");
            last = end;
        }
        escape(line.substring(last), html);
    }

    /** Punctuation that ends a sentence is not part of the address; a closing bracket is when it opened inside. */
    private static String trimTrailing(String url) {
        String u = url;
        while (!u.isEmpty() && TRAILING.indexOf(u.charAt(u.length() - 1)) >= 0) {
            char last = u.charAt(u.length() - 1);
            if (last == ')' && count(u, '(') >= count(u, ')')) {
                break;
            }
            u = u.substring(0, u.length() - 1);
        }
        return u;
    }

    private static long count(String s, char c) {
        return s.chars().filter(ch -> ch == c).count();
    }

    static void escape(String text, StringBuilder out) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&#34;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
    }
}
