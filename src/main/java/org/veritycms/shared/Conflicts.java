package org.veritycms.shared;

import jakarta.persistence.EntityExistsException;
import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;
import java.sql.SQLException;
import java.util.Set;
import org.hibernate.StaleStateException;

/**
 * Recognises a failure caused by two requests changing the same thing at once (a stale version,
 * a unique key taken a moment earlier, a lock or serialisation failure), however deeply the
 * transaction and EJB layers wrapped it: such a failure means "try again", never a server error.
 */
public final class Conflicts {

    /** Unique violation, serialisation failure, deadlock, lock not available (PostgreSQL); lock timeout, concurrent update (H2). */
    private static final Set<String> SQL_STATES = Set.of("23505", "40001", "40P01", "55P03", "HYT00", "90131");

    private Conflicts() {
    }

    public static boolean isConflict(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof OptimisticLockException || t instanceof PessimisticLockException || t instanceof LockTimeoutException
                    || t instanceof EntityExistsException || t instanceof StaleStateException) {
                return true;
            }
            for (SQLException sql = t instanceof SQLException s ? s : null; sql != null; sql = sql.getNextException()) {
                if (sql.getSQLState() != null && SQL_STATES.contains(sql.getSQLState())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The answer to a conflict: 409, with the advice to try again. */
    public static Problem problem() {
        return Problem.of(409, "concurrent-change", "Changed at the same moment",
                "Someone else changed this at the same moment. Reload and try again.");
    }
}
