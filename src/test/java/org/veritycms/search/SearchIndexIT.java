package org.veritycms.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.veritycms.page.PageChanged;
import org.veritycms.page.PageRepository;
import org.veritycms.testing.Deployments;

/** Rebuilding the search index while pages change. */
@ExtendWith(ArquillianExtension.class)
class SearchIndexIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.verity();
    }

    @Inject
    SearchIndex index;

    @Inject
    PageRepository pages;

    @Inject
    Event<PageChanged> changes;

    @Inject
    UserTransaction tx;

    @PersistenceContext(unitName = "verity")
    EntityManager em;

    @Test
    void aPageChangedWhileTheIndexIsRebuiltIsInItOnce() throws Exception {
        List<String> slugs = em.createQuery("select p.slug from Page p order by p.slug", String.class).getResultList();
        CompletableFuture<Void> rebuild = index.rebuild();
        int changed = 0;
        while (!rebuild.isDone()) {
            // a change made around the entities, as the review jobs make them: indexed again from its event
            tx.begin();
            changes.fire(new PageChanged(slugs.get(changed++ % slugs.size())));
            tx.commit();
        }
        rebuild.get(60, TimeUnit.SECONDS);

        assertNull(index.status().failure());
        assertEquals(pages.count(), index.documents(), "each page once, though " + changed + " changes came during the rebuild");
    }
}
