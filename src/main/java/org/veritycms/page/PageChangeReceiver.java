package org.veritycms.page;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.veritycms.shared.ApplicationReady;

/**
 * Hears the other nodes' page changes ({@link PageChangeBroadcast}) on a connection of its own and
 * fires each one here as {@link PageChanged}, so this node's caches and search index follow. While
 * it cannot listen it may miss changes, so it fires {@link EveryPageChanged} when the connection
 * fails and again once it listens anew. PostgreSQL only; on H2 there are no other nodes.
 */
@ApplicationScoped
public class PageChangeReceiver {

    private static final Logger LOG = Logger.getLogger(PageChangeReceiver.class.getName());
    private static final int WAIT_MILLIS = 5000;

    @Resource(lookup = "java:jboss/datasources/VerityNonJtaDS")
    DataSource dataSource;

    @Resource
    ManagedThreadFactory threads;

    @Inject
    PageChangeBroadcast broadcast;

    @Inject
    Event<PageChanged> changes;

    @Inject
    Event<EveryPageChanged> everything;

    private volatile boolean running;
    private volatile Thread listener;

    void start(@Observes ApplicationReady ready) {
        if (!broadcast.clustered()) {
            return;
        }
        running = true;
        Thread thread = threads.newThread(this::listen);
        thread.setName("verity-page-changes");
        thread.setDaemon(true);
        listener = thread;
        thread.start();
    }

    @PreDestroy
    void stop() {
        running = false;
        Thread thread = listener;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(WAIT_MILLIS * 2L);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void listen() {
        boolean missed = false;
        while (running) {
            try (Connection c = dataSource.getConnection()) {
                try (Statement s = c.createStatement()) {
                    s.execute("listen " + PageChangeBroadcast.CHANNEL);
                }
                if (missed) {
                    LOG.info("Listening for other nodes' page changes again");
                    everything.fire(new EveryPageChanged());
                    missed = false;
                }
                receive(c);
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    return;
                }
                // Caches are cleared when listening starts again, not now: while the database is out of
                // reach nobody can change a page, and readers keep the pages this node already holds.
                if (!missed) {
                    LOG.log(Level.WARNING, "Lost the connection that hears other nodes' page changes; caches will be"
                            + " cleared once it is back", e);
                }
                missed = true;
                if (!pause()) {
                    return;
                }
            }
        }
    }

    /** Delivers notices until the connection fails or the application stops. */
    private void receive(Connection c) throws SQLException {
        PGConnection pg = c.unwrap(PGConnection.class);
        while (running) {
            PGNotification[] notices = pg.getNotifications(WAIT_MILLIS);
            if (notices == null || notices.length == 0) {
                // a quiet connection may be a dead one: ask, so that a failure shows now, not at the next change
                try (Statement s = c.createStatement()) {
                    s.execute("select 1");
                }
                continue;
            }
            for (PGNotification notice : notices) {
                broadcast.decode(notice.getParameter()).ifPresent(this::deliver);
            }
        }
    }

    private void deliver(PageChanged change) {
        try {
            changes.fire(change);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "A change to " + change.slug() + " from another node was not applied here", e);
        }
    }

    /** Waits a moment before trying the database again; false when the application is stopping. */
    private boolean pause() {
        try {
            Thread.sleep(1000);
            return running;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
