package org.veritycms.page;

import java.util.Set;

/**
 * The pages one transaction changed through their entities, announced together once it has
 * committed, after each page's own {@link PageChanged}: for work that costs the same for one page
 * as for many, such as a purge request to a frontend cache, done once per transaction rather
 * than once per page (a content import changes a hundred pages in one).
 */
public record PageChangesCommitted(Set<String> slugs) {

    public PageChangesCommitted {
        slugs = Set.copyOf(slugs);
    }
}
