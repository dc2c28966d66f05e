package org.veritycms.search;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.veritycms.page.EveryPageChanged;
import org.veritycms.page.PageChanged;

/**
 * The index follows every change to a page, however it was made. A change through the page entity
 * is indexed by Hibernate Search when it commits; any other {@link PageChanged} (a bulk update
 * that went around the entities, which Hibernate Search would not see, or a change made on another
 * node, whose events arrive here as well) has the page read again and indexed after it committed.
 * A node that may have missed changes rebuilds.
 */
@ApplicationScoped
public class PageIndexer {

    private static final Logger LOG = Logger.getLogger(PageIndexer.class.getName());

    @Inject
    SearchIndex index;

    void onChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) PageChanged change) {
        if (!change.content()) {
            return; // comments and ratings are not indexed
        }
        index.noteChanged(change.slug()); // a rebuild running now indexes it again when it ends
        if (change.indexed()) {
            return; // an entity's change is indexed already
        }
        try {
            index.reindex(change.slug());
        } catch (RuntimeException e) {
            // the change itself has committed; a rebuild puts the index right
            LOG.log(Level.WARNING, "Could not reindex page '" + change.slug() + "'", e);
        }
    }

    void onMissedChanges(@Observes EveryPageChanged missed) {
        index.rebuild();
    }
}
