package org.veritycms.site;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContext;
import java.util.logging.Logger;
import org.veritycms.content.ContentImporter;
import org.veritycms.shared.ApplicationReady;
import org.veritycms.shared.BundledFiles;
import org.veritycms.shared.SchemaMigration;

/** Start-up order: schema first, then the seed content, then whatever waits for a ready application. */
@ApplicationScoped
public class Startup {

    private static final Logger LOG = Logger.getLogger(Startup.class.getName());

    @Inject
    BundledFiles bundled;

    @Inject
    SchemaMigration schema;

    @Inject
    ContentImporter importer;

    @Inject
    Event<ApplicationReady> ready;

    void onStart(@Observes @Initialized(ApplicationScoped.class) ServletContext context) {
        long started = System.nanoTime();
        bundled.locate(context);
        schema.migrate();
        long migrated = System.nanoTime();
        try {
            importer.importIfNeeded();
        } catch (Exception e) {
            // a second node starting on the same empty database at the same moment: the other one imports
            LOG.warning(() -> "Seed content import did not complete on this node: " + e.getMessage());
        }
        long imported = System.nanoTime();
        ready.fire(new ApplicationReady());
        long done = System.nanoTime();
        LOG.info(() -> "Verity ready in " + millis(started, done) + " ms: schema " + millis(started, migrated)
                + " ms, content " + millis(migrated, imported) + " ms, scheduler, search index and listeners "
                + millis(imported, done) + " ms");
    }

    private static long millis(long from, long to) {
        return (to - from) / 1_000_000;
    }
}
