package org.veritycms.rating;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.veritycms.page.PageChanged;

/**
 * Checks the pages readers have just rated against {@link FeedbackTrigger}'s rule, a moment after
 * their votes committed: every {@code verity.ratings.trigger.every-millis} a thread takes the pages
 * rated on this node since its last look, each once however many votes it had, and checks them in
 * one transaction. The rule reads each page's latest fifty ratings; checking it inside every group
 * of votes was the largest part of writing them, and a page voted on a thousand times a second
 * needs one look, not a thousand. Only committed votes are seen, so a vote rolled back never
 * raises a flag. A check that fails (the database away) is tried again with the next.
 */
@ApplicationScoped
public class FallingRatingsWatch {

    private static final Logger LOG = Logger.getLogger(FallingRatingsWatch.class.getName());

    /** Pages checked in one transaction. */
    private static final int PAGES_AT_ONCE = 200;

    @Resource
    ManagedThreadFactory threads;

    @Inject
    FeedbackTrigger trigger;

    @Inject
    @ConfigProperty(name = "verity.ratings.trigger.every-millis", defaultValue = "200")
    long every;

    private final Set<String> rated = ConcurrentHashMap.newKeySet();
    private volatile boolean running = true;
    private volatile Thread watching;

    /** New ratings of a page, made on this node, have committed: the page is checked at the next look. */
    void onRatings(@Observes(during = TransactionPhase.AFTER_SUCCESS) PageChanged change) {
        if (change.scope() == PageChanged.Scope.RATINGS && !change.fromOtherNode() && running) {
            rated.add(change.slug());
            if (watching == null) {
                startWatching();
            }
        }
    }

    private synchronized void startWatching() {
        if (watching == null) {
            watching = threads.newThread(this::watchWhileRunning);
            watching.setName("verity-falling-ratings");
            watching.setDaemon(true);
            watching.start();
        }
    }

    @PreDestroy
    void stop() {
        running = false;
        Thread thread;
        synchronized (this) {
            thread = watching;
        }
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void watchWhileRunning() {
        while (running) {
            try {
                Thread.sleep(Math.max(1, every));
            } catch (InterruptedException e) {
                checkRated(); // the last votes before a shutdown are checked too
                return;
            }
            checkRated();
        }
    }

    private void checkRated() {
        List<String> taken = new ArrayList<>();
        for (String slug : rated) {
            if (rated.remove(slug)) {
                taken.add(slug);
            }
        }
        for (int from = 0; from < taken.size(); from += PAGES_AT_ONCE) {
            List<String> pages = taken.subList(from, Math.min(taken.size(), from + PAGES_AT_ONCE));
            try {
                trigger.checkPages(pages);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Could not check " + pages.size() + " rated page(s) for falling ratings; trying again", e);
                rated.addAll(pages);
            }
        }
    }
}
