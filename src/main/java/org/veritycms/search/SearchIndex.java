package org.veritycms.search;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceUnit;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.hibernate.search.mapper.orm.Search;
import org.veritycms.content.ContentImported;
import org.veritycms.page.Page;
import org.veritycms.page.PageRepository;
import org.veritycms.shared.ApplicationReady;

/**
 * The index as a whole. Edits, publication, withdrawal and restore reach it on their own (each
 * change to a page is indexed when its transaction commits, and again by {@link PageIndexer} from
 * the change's event, which bulk changes and other nodes' changes send too); a rebuild re-reads every page, in the
 * background, so neither start-up nor the admin who asked waits for it. Start-up rebuilds only when
 * the index is empty and pages exist (a new node, a deleted index folder).
 *
 * <p>A rebuild empties the index and then adds every page without looking for it first; a page
 * changed meanwhile may have been indexed by its change after the emptying and be added again by
 * the rebuild, and would then be found twice. The pages changed while a rebuild runs are therefore
 * indexed once more when it is done, which replaces every entry of each with one.
 */
@ApplicationScoped
public class SearchIndex {

    private static final Logger LOG = Logger.getLogger(SearchIndex.class.getName());

    /** Where the last rebuild stands. */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "SearchIndexStatus")
    public record Status(boolean running, Instant startedAt, Instant finishedAt, String failure, long documents) {
    }

    @PersistenceUnit(unitName = "verity")
    EntityManagerFactory emf;

    @PersistenceContext(unitName = "verity")
    EntityManager em;

    @Inject
    PageRepository pages;

    @Inject
    Clock clock;

    /** This bean through its container, for a transaction of its own per page. */
    @Inject
    SearchIndex self;

    /** Not the managed executor: its tasks wait while the server is suspended, as it is while it boots. */
    @Resource
    ManagedThreadFactory threadFactory;

    private CompletableFuture<Void> current = CompletableFuture.completedFuture(null);
    /** The rebuild to follow the running one, when something asked for one meanwhile. */
    private CompletableFuture<Void> next;
    private volatile Instant startedAt;
    private volatile Instant finishedAt;
    private volatile String failure;
    /** Whether changes are being noted for the pass that follows a rebuild. */
    private volatile boolean rebuilding;
    private final Set<String> changedDuringRebuild = ConcurrentHashMap.newKeySet();

    /**
     * Looks at the index on a thread of its own: the first search opens the index and readies the
     * query machinery, about a second that the deployment need not wait for.
     */
    void rebuildWhenEmpty(@Observes ApplicationReady ready) {
        Thread check = threadFactory == null ? null : threadFactory.newThread(this::rebuildIfEmpty);
        if (check == null) {
            rebuildIfEmpty();
            return;
        }
        check.setName("verity-search-check");
        check.setDaemon(true);
        check.start();
    }

    private void rebuildIfEmpty() {
        EntityManager local = emf.createEntityManager();
        try {
            long documents = Search.session(local).search(Page.class).where(f -> f.matchAll()).fetchTotalHitCount();
            if (documents == 0 && local.createQuery("select count(p) from Page p", Long.class).getSingleResult() > 0) {
                LOG.info("The search index is empty: rebuilding it in the background");
                rebuild();
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not look at the search index at start-up; a rebuild from the operations screen"
                    + " puts it right if it is empty", e);
        } finally {
            local.close();
        }
    }

    /** An import leaves its pages out of the index as it writes them: they are indexed together once it is done. */
    void indexImported(@Observes ContentImported imported) {
        LOG.info(() -> "Content import wrote " + (imported.created() + imported.updated()) + " pages: rebuilding the search index"
                + " in the background");
        rebuildAfterChanges();
    }

    /**
     * A rebuild that takes in everything committed before this call. One already running may have
     * read the pages before the latest were written, so another follows it (one, however many
     * callers ask meanwhile).
     */
    public synchronized CompletableFuture<Void> rebuildAfterChanges() {
        if (current.isDone()) {
            return rebuild();
        }
        if (next == null) {
            next = current.thenCompose(previous -> {
                synchronized (this) {
                    next = null;
                }
                return rebuild();
            });
        }
        return next;
    }

    /** Starts a rebuild unless one is running; either way, the rebuild to wait for. */
    public synchronized CompletableFuture<Void> rebuild() {
        if (!current.isDone()) {
            return current;
        }
        startedAt = clock.instant();
        finishedAt = null;
        failure = null;
        changedDuringRebuild.clear();
        rebuilding = true;
        current = Search.mapping(emf).scope(Page.class).massIndexer()
                .threadsToLoadObjects(2)
                .batchSizeToLoadObjects(50)
                .start()
                .toCompletableFuture()
                .thenRun(this::reindexChangedMeanwhile)
                .handle((done, error) -> {
                    rebuilding = false;
                    finishedAt = clock.instant();
                    if (error != null) {
                        failure = "The rebuild failed; see the server log.";
                        LOG.log(Level.SEVERE, "Search index rebuild failed", error);
                    } else {
                        LOG.info(() -> "Search index rebuilt in " + (finishedAt.toEpochMilli() - startedAt.toEpochMilli()) + " ms");
                    }
                    return null;
                });
        return current;
    }

    /** A page's own content changed and committed ({@link PageIndexer} tells every such change). */
    void noteChanged(String slug) {
        if (rebuilding) {
            changedDuringRebuild.add(slug);
        }
    }

    /** Replaces the entries of the pages changed while the rebuild ran with one each, until none is left. */
    private void reindexChangedMeanwhile() {
        for (List<String> slugs = takeChangedDuringRebuild(); !slugs.isEmpty(); slugs = takeChangedDuringRebuild()) {
            slugs.forEach(self::reindex);
        }
    }

    private synchronized List<String> takeChangedDuringRebuild() {
        List<String> slugs = List.copyOf(changedDuringRebuild);
        changedDuringRebuild.removeAll(slugs);
        if (slugs.isEmpty()) {
            rebuilding = false; // a change after this is indexed after the rebuild's last entry, as any change
        }
        return slugs;
    }

    /** Indexes the page as it now stands in the database, in a transaction of its own. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void reindex(String slug) {
        pages.findBySlug(slug).ifPresent(page -> Search.session(em).indexingPlan().addOrUpdate(page));
    }

    @Transactional
    public Status status() {
        return new Status(!current.isDone(), startedAt, finishedAt, failure, documents());
    }

    /** How many pages the index holds, readable or not. */
    @Transactional
    public long documents() {
        return Search.session(em).search(Page.class).where(f -> f.matchAll()).fetchTotalHitCount();
    }
}
