package org.veritycms.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.veritycms.page.CommentPolicy;
import org.veritycms.testing.Deployments;
import org.veritycms.testing.TestPages;
import org.veritycms.testing.TestPages.TestPage;

/** A reader's page view costs a handful of statements, however rich the page; a cached view costs none. */
@ExtendWith(ArquillianExtension.class)
class PageViewQueriesIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.verity(TestPages.class);
    }

    @PersistenceUnit(unitName = "verity")
    EntityManagerFactory emf;

    @Inject
    PublicSite site;

    @Inject
    PageCache cache;

    @Inject
    java.time.Clock clock;

    @Inject
    TestPages pages;

    long statementsFor(Runnable view) {
        Statistics stats = emf.unwrap(SessionFactory.class).getStatistics();
        stats.setStatisticsEnabled(true);
        stats.clear();
        view.run();
        long count = stats.getPrepareStatementCount();
        stats.setStatisticsEnabled(false);
        return count;
    }

    @Test
    void renderingAPageWithMediaEvidenceAndRelatedPagesTakesAHandfulOfStatements() {
        TestPage richPage = pages.publishRich(); // two media items, three sources, three related pages in three topics
        TestPage plainPage = pages.publish(CommentPolicy.POSTMODERATED); // none of them, open to comments alike
        cache.clear();
        long rich = statementsFor(() -> site.page(richPage.topic(), richPage.slug()));
        long plain = statementsFor(() -> site.page(plainPage.topic(), plainPage.slug()));
        assertTrue(rich <= 10, "statements for a rich page: " + rich);
        assertTrue(rich - plain <= 2, "media, evidence and related pages do not multiply statements: " + rich + " vs " + plain);
    }

    @Test
    void aCachedViewTouchesNoDatabase() {
        TestPage page = pages.publishRich();
        cache.clear();
        cache.get(page.topic(), page.slug(), clock.instant(), () -> site.page(page.topic(), page.slug()));
        long cached = statementsFor(() -> cache.get(page.topic(), page.slug(), clock.instant(),
                () -> site.page(page.topic(), page.slug())));
        assertEquals(0, cached);
    }
}
