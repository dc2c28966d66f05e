package org.veritycms.page;

import jakarta.inject.Inject;
import jakarta.persistence.PostPersist;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;

/**
 * The page aggregate announces its own changes: whenever a page, one of its media items or one of
 * its review records is written, {@link PageChanged} goes out with the page's slug, so caches and
 * indexes follow every change whoever made it (an editor, a reviewer, a scheduled job, the import).
 * It goes out after the transaction commits ({@link PageChangeAnnouncer}).
 */
public class PageChangeListener {

    @Inject
    PageChangeAnnouncer announcer;

    @PostPersist
    @PostUpdate
    @PostRemove
    void written(Object entity) {
        String slug = null;
        if (entity instanceof Page page) {
            slug = page.slug();
        } else if (entity instanceof MediaItem item) {
            slug = item.page().slug();
        } else if (entity instanceof ReviewRecord record) {
            slug = record.pageSlug();
        }
        if (slug != null && announcer != null) {
            announcer.changed(slug);
        }
    }
}
