package org.veritycms.site;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.veritycms.page.PageChanged;

/**
 * The surrogate keys a shared page is cached under, and the keys a change purges. A guidance page
 * carries its own key and the related key of each page it links to; the home and topic pages,
 * which list pages, carry {@link #LISTS}. A change to a page itself (text, status, dates, title)
 * purges its page, the pages that show it as related and the lists; a change to what readers
 * added around it (a comment, the rating summary) purges that page alone.
 */
public final class SurrogateKeys {

    /** Every page that lists pages: home and topic pages. */
    public static final String LISTS = "lists";

    private SurrogateKeys() {
    }

    public static String page(String slug) {
        return "p-" + slug;
    }

    /** The pages that show this page (its title and summary) in their related links. */
    public static String related(String slug) {
        return "r-" + slug;
    }

    public static String topic(String slug) {
        return "t-" + slug;
    }

    static List<String> ofPage(String slug, Collection<String> relatedSlugs) {
        List<String> keys = new ArrayList<>(relatedSlugs.size() + 1);
        keys.add(page(slug));
        relatedSlugs.forEach(r -> keys.add(related(r)));
        return keys;
    }

    /** The keys a change purges. */
    public static List<String> purgedBy(PageChanged change) {
        return change.content() ? List.of(page(change.slug()), related(change.slug()), LISTS) : List.of(page(change.slug()));
    }
}
