package org.veritycms.site;

import java.util.List;
import org.veritycms.search.Fragment;

/** What the search template sees: the form's state and a page of results, as plain values. */
public final class SearchViews {

    private SearchViews() {
    }

    /** A topic in the filter list. */
    public record TopicOption(String slug, String title, boolean selected) {
    }

    /** One result: the page's address, its topic, title and snippet with the matched words marked. */
    public record HitView(String url, String topicTitle, List<Fragment> title, List<Fragment> snippet, String lastReviewed,
            String lastReviewedIso) {
    }

    /** The search page. */
    public record SearchView(String query, List<TopicOption> topics, boolean searched, boolean tooLong, long total, int page,
            int pageCount, int firstNumber, List<HitView> hits, String previousUrl, String nextUrl, int maxLength) {
    }
}
