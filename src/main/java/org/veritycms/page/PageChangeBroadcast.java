package org.veritycms.page;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.veritycms.shared.SchemaMigration;

/**
 * Tells every node of a PostgreSQL cluster about each {@link PageChanged}: a {@code pg_notify} on
 * the change's own connection, inside its transaction, so PostgreSQL delivers it when (and only if)
 * the change commits, to every node listening ({@link PageChangeReceiver}). The changes of a
 * transaction, events fired in it and the page aggregate's own changes that
 * {@link PageChangeAnnouncer} collects, are sent together just before it commits. On H2 there is
 * one node and nothing is sent.
 * <p>
 * Ratings are the exception. PostgreSQL holds one lock over the commit of every transaction that
 * notifies, to keep notices in commit order, so a notice in each vote would let only one vote
 * commit at a time. A vote's page is told after the vote commits instead, with the other pages
 * rated in the same {@link #RATINGS_DELAY_MS}, in one transaction of its own. A node that dies in
 * that moment leaves other nodes showing the previous counts until the page next changes.
 */
@ApplicationScoped
public class PageChangeBroadcast {

    static final String CHANNEL = "verity_page_changed";
    /** The changes a transaction will send as it commits. */
    private static final Object SENT = PageChangeBroadcast.class.getName() + ".sent";
    private static final Logger LOG = Logger.getLogger(PageChangeBroadcast.class.getName());
    /** How long rated pages are collected before they are told to the other nodes. */
    static final long RATINGS_DELAY_MS = 200;

    /** This node, for the duration of this start, so that it skips its own notices. */
    final String node = Long.toString(new SecureRandom().nextLong() & Long.MAX_VALUE, 36);

    @Resource(lookup = "java:jboss/datasources/VerityDS")
    DataSource transactional;

    @Resource(lookup = "java:jboss/datasources/VerityNonJtaDS")
    DataSource autoCommit;

    @Resource(lookup = "java:jboss/TransactionSynchronizationRegistry")
    TransactionSynchronizationRegistry registry;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private final Set<String> ratedPages = new LinkedHashSet<>();
    private ScheduledFuture<?> ratingsNotice;

    @Inject
    SchemaMigration schema;

    /** Whether other nodes may share the database (PostgreSQL), so changes must be told to them. */
    public boolean clustered() {
        return "postgresql".equals(schema.vendor());
    }

    /** An event fired inside a transaction goes out with it; fired after one, it has been sent already. */
    void onChange(@Observes PageChanged change) {
        if (change.scope() == PageChanged.Scope.RATINGS) {
            return; // after the vote's commit, with others: afterRatings
        }
        if (registry != null && registry.getTransactionKey() != null
                && registry.getTransactionStatus() == Status.STATUS_ACTIVE) {
            send(change);
        }
    }

    /** A vote on this node committed: its page is told to the other nodes a moment later, with others. */
    void afterRatings(@Observes(during = TransactionPhase.AFTER_SUCCESS) PageChanged change) {
        if (change.scope() != PageChanged.Scope.RATINGS || change.fromOtherNode() || !clustered()) {
            return;
        }
        synchronized (ratedPages) {
            ratedPages.add(change.slug());
            if (ratingsNotice == null || ratingsNotice.isDone()) {
                ratingsNotice = scheduler.schedule(this::sendRatings, RATINGS_DELAY_MS, TimeUnit.MILLISECONDS);
            }
        }
    }

    private void sendRatings() {
        List<PageChanged> rated;
        synchronized (ratedPages) {
            rated = ratedPages.stream().map(PageChanged::ratings).toList();
            ratedPages.clear();
        }
        try {
            sendNow(autoCommit, rated);
        } catch (RuntimeException e) {
            // a node that lost the database clears its caches when it listens again
            LOG.log(Level.WARNING, "Could not tell the other nodes about new ratings of " + rated.size() + " pages", e);
        }
    }

    /**
     * Sends the change with the current transaction (at once when there is none): the changes of one
     * transaction, each once, go out together by one statement just before it commits, so that an
     * import of a thousand pages sends one statement, not a thousand.
     */
    void send(PageChanged change) {
        if (!clustered()) {
            return;
        }
        if (registry == null || registry.getTransactionKey() == null) {
            sendNow(transactional, List.of(change));
            return;
        }
        Outgoing outgoing = (Outgoing) registry.getResource(SENT);
        if (outgoing == null) {
            outgoing = new Outgoing();
            registry.putResource(SENT, outgoing);
            registry.registerInterposedSynchronization(outgoing);
        }
        outgoing.add(change);
    }

    /**
     * A transaction's changes, sent just before it commits; a change made after that, by work done
     * at commit (a flush), is sent at once, still inside the transaction.
     */
    private final class Outgoing implements Synchronization {

        private final Set<PageChanged> changes = new LinkedHashSet<>();
        private boolean sent;

        void add(PageChanged change) {
            if (changes.add(change) && sent) {
                sendNow(transactional, List.of(change));
            }
        }

        @Override
        public void beforeCompletion() {
            sent = true;
            sendNow(transactional, changes);
        }

        @Override
        public void afterCompletion(int status) {
            // sent with the commit, or rolled back with it
        }
    }

    /** One {@code pg_notify} per change, by one statement on a connection of this data source (the transaction's own, in one). */
    private void sendNow(DataSource dataSource, Collection<PageChanged> changes) {
        if (changes.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement notify = c.prepareStatement("select count(pg_notify(?, p)) from unnest(?) p")) {
            notify.setString(1, CHANNEL);
            notify.setArray(2, c.createArrayOf("text", changes.stream().map(this::encode).toArray()));
            notify.execute();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not tell the other nodes about changes to " + changes.size() + " page(s)", e);
        }
    }

    /** {@code node scope slug} (scope as its initial): a slug has no spaces, and a notice's payload is short. */
    String encode(PageChanged change) {
        return node + " " + change.scope().name().charAt(0) + " " + change.slug();
    }

    /** The change another node sent; empty for this node's own or anything unreadable. */
    Optional<PageChanged> decode(String payload) {
        String[] parts = payload == null ? new String[0] : payload.split(" ", 3);
        if (parts.length != 3 || parts[0].equals(node)) {
            return Optional.empty();
        }
        PageChanged.Scope scope = switch (parts[1]) {
            case "C" -> PageChanged.Scope.COMMENTS;
            case "R" -> PageChanged.Scope.RATINGS;
            default -> PageChanged.Scope.PAGE;
        };
        return Optional.of(new PageChanged(parts[2], scope, true));
    }
}
