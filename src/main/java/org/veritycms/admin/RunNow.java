package org.veritycms.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Map;
import org.veritycms.audit.AuditLog;
import org.veritycms.review.ReviewScanner;
import org.veritycms.search.SearchIndex;

/**
 * What an administrator may start from the operations screen instead of waiting for its schedule:
 * the review scan (run at once, its figures answered) and the search rebuild (started in the
 * background). Each start is audited with who asked.
 */
@ApplicationScoped
public class RunNow {

    @Inject
    ReviewScanner scanner;

    @Inject
    SearchIndex index;

    @Inject
    Audited audited;

    public ReviewScanner.Result reviewScan(String actor) {
        ReviewScanner.Result result = scanner.scan();
        audited.record(actor, "operations.review-scan", Map.of("pagesDue", result.pagesDue(),
                "remindersQueued", result.remindersQueued(), "withdrawn", result.withdrawn(), "digests", result.digests()));
        return result;
    }

    public void searchRebuild(String actor) {
        index.rebuild();
        audited.record(actor, "operations.search-rebuild", Map.of("started", true));
    }

    /** The audit entry, in a transaction of its own. */
    @ApplicationScoped
    public static class Audited {

        @Inject
        AuditLog audit;

        @Transactional
        public void record(String actor, String action, Map<String, ?> after) {
            audit.record(actor, action, "job", action.substring(action.indexOf('.') + 1), Map.of(), after);
        }
    }
}
