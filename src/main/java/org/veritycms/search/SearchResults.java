package org.veritycms.search;

import java.time.LocalDate;
import java.util.List;

/** One page of ranked results for a request, with the total number of readable pages that matched. */
public record SearchResults(SearchRequest request, long total, int pageSize, List<Hit> hits) {

    /** A matching page: where it lives, its title and a snippet, both with the matched words marked. */
    public record Hit(String topicSlug, String topicTitle, String slug, List<Fragment> title, List<Fragment> snippet,
            LocalDate lastReviewed) {
    }

    static SearchResults none(SearchRequest request, int pageSize) {
        return new SearchResults(request, 0, pageSize, List.of());
    }

    public int pageCount() {
        return (int) Math.min(SearchRequest.MAX_PAGE, (total + pageSize - 1) / pageSize);
    }

    public boolean hasNext() {
        return request.page() < pageCount();
    }

    public boolean hasPrevious() {
        return request.page() > 1;
    }
}
