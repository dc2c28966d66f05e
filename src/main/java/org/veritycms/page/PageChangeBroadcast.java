package org.veritycms.page;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.LinkedHashSet;
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
 * the change commits, to every node listening ({@link PageChangeReceiver}). An event fired inside
 * a transaction is sent as it is fired; the page aggregate's own changes are sent by
 * {@link PageChangeAnnouncer} as it collects them. On H2 there is one node and nothing is sent.
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

    private volatile Boolean clustered;

    /** Whether other nodes may share the database (PostgreSQL), so changes must be told to them. */
    public boolean clustered() {
        Boolean known = clustered;
        if (known == null) {
            known = "postgresql".equals(schema.vendor());
            clustered = known;
        }
        return known;
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
        String[] payloads;
        synchronized (ratedPages) {
            payloads = ratedPages.stream().map(slug -> encode(PageChanged.ratings(slug))).toArray(String[]::new);
            ratedPages.clear();
        }
        try (Connection c = autoCommit.getConnection();
                PreparedStatement notify = c.prepareStatement("select count(pg_notify(?, p)) from unnest(?) p")) {
            notify.setString(1, CHANNEL);
            notify.setArray(2, c.createArrayOf("text", payloads));
            notify.execute();
        } catch (SQLException | RuntimeException e) {
            // a node that lost the database clears its caches when it listens again
            LOG.log(Level.WARNING, "Could not tell the other nodes about new ratings of " + payloads.length + " pages", e);
        }
    }

    /** Sends the change inside the current transaction (at once when there is none); once per transaction. */
    void send(PageChanged change) {
        if (!clustered()) {
            return;
        }
        if (registry != null && registry.getTransactionKey() != null) {
            @SuppressWarnings("unchecked")
            Set<PageChanged> sent = (Set<PageChanged>) registry.getResource(SENT);
            if (sent == null) {
                sent = new HashSet<>();
                registry.putResource(SENT, sent);
            }
            if (!sent.add(change)) {
                return;
            }
        }
        try (Connection c = transactional.getConnection();
                PreparedStatement notify = c.prepareStatement("select pg_notify(?, ?)")) {
            notify.setString(1, CHANNEL);
            notify.setString(2, encode(change));
            notify.execute();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not tell the other nodes about a change to " + change.slug(), e);
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
