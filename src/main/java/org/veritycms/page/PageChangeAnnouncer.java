package org.veritycms.page;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Sends {@link PageChanged} for each page a transaction wrote, once it has committed (at once when
 * there is no transaction). Entity callbacks often run while the transaction is already completing
 * (the flush before commit), too late to register an ordinary transaction observer, so the pages
 * are collected on an interposed synchronization, which may still be added then, and announced
 * after a successful commit only, each on its own and then all together ({@link PageChangesCommitted}).
 * Each page is told to the other nodes as it is collected, inside the transaction
 * ({@link PageChangeBroadcast}).
 */
@ApplicationScoped
public class PageChangeAnnouncer {

    private static final Object PENDING = PageChangeAnnouncer.class.getName() + ".pending";

    // the server-wide name: a job's thread carries the context of a Quartz thread, where java:comp is not bound
    @Resource(lookup = "java:jboss/TransactionSynchronizationRegistry")
    TransactionSynchronizationRegistry registry;

    @Inject
    Event<PageChanged> changes;

    @Inject
    Event<PageChangesCommitted> together;

    @Inject
    PageChangeBroadcast broadcast;

    void changed(String slug) {
        if (registry == null || registry.getTransactionKey() == null) {
            broadcast.send(new PageChanged(slug));
            changes.fire(PageChanged.throughEntity(slug));
            together.fire(new PageChangesCommitted(Set.of(slug)));
            return;
        }
        @SuppressWarnings("unchecked")
        Set<String> pending = (Set<String>) registry.getResource(PENDING);
        if (pending == null) {
            Set<String> slugs = new LinkedHashSet<>();
            registry.putResource(PENDING, slugs);
            registry.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    if (status == Status.STATUS_COMMITTED) {
                        slugs.forEach(s -> changes.fire(PageChanged.throughEntity(s)));
                        together.fire(new PageChangesCommitted(slugs));
                    }
                }
            });
            pending = slugs;
        }
        if (pending.add(slug)) {
            broadcast.send(new PageChanged(slug));
        }
    }
}
