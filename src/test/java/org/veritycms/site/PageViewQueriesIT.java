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
import org.veritycms.testing.Deployments;

/** A reader's page view costs a handful of statements, however rich the page; a cached view costs none. */
@ExtendWith(ArquillianExtension.class)
class PageViewQueriesIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.verity();
    }

    @PersistenceUnit(unitName = "verity")
    EntityManagerFactory emf;

    @Inject
    PublicSite site;

    @Inject
    PageCache cache;

    @Inject
    java.time.Clock clock;

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
        cache.clear();
        long rich = statementsFor(() -> site.page("exercise", "exercises-for-lower-back-pain"));
        long plain = statementsFor(() -> site.page("exercise", "staying-active-with-back-pain"));
        assertTrue(rich <= 10, "statements for a rich page: " + rich);
        assertTrue(rich - plain <= 2, "media, evidence and related pages do not multiply statements: " + rich + " vs " + plain);
    }

    @Test
    void aCachedViewTouchesNoDatabase() {
        cache.clear();
        cache.get("yoga", "gentle-yoga-for-back-pain", clock.instant(), () -> site.page("yoga", "gentle-yoga-for-back-pain"));
        long cached = statementsFor(() -> cache.get("yoga", "gentle-yoga-for-back-pain", clock.instant(),
                () -> site.page("yoga", "gentle-yoga-for-back-pain")));
        assertEquals(0, cached);
    }
}
