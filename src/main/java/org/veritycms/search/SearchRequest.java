package org.veritycms.search;

import java.util.regex.Pattern;

/**
 * What a reader asked for, made safe to use: the words (spaces collapsed), an optional topic and a
 * page number. Anything odd in the address is read leniently rather than refused: an unknown page
 * number means the first page, a malformed topic means all topics.
 */
public record SearchRequest(String text, String topic, int page) {

    /** Longer queries are refused: nobody types more, and the cost of a query grows with its terms. */
    public static final int MAX_LENGTH = 200;
    static final int MAX_PAGE = 100;
    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");

    public SearchRequest {
        text = text == null ? "" : text.replaceAll("\\s+", " ").strip();
        topic = topic == null || !SLUG.matcher(topic).matches() ? null : topic;
        page = Math.max(1, Math.min(page, MAX_PAGE));
    }

    /** From the raw query parameters of {@code /search}. */
    public static SearchRequest of(String q, String topic, String page) {
        return new SearchRequest(q, topic == null || topic.length() > 60 ? null : topic, pageNumber(page));
    }

    private static int pageNumber(String page) {
        if (page == null || !page.matches("[0-9]{1,3}")) {
            return 1;
        }
        return Integer.parseInt(page);
    }

    public boolean isEmpty() {
        return text.isEmpty();
    }

    public boolean isTooLong() {
        return text.length() > MAX_LENGTH;
    }
}
