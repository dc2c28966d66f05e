package org.veritycms.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJBException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.RollbackException;
import jakarta.transaction.TransactionalException;
import java.sql.BatchUpdateException;
import java.sql.SQLException;
import org.hibernate.StaleObjectStateException;
import org.hibernate.exception.ConstraintViolationException;
import org.junit.jupiter.api.Test;

class ConflictsTest {

    @Test
    void aStaleVersionWrappedByTheCommitAndTheTransactionInterceptorIsAConflict() {
        RollbackException commit = new RollbackException("ARJUNA016053: Could not commit transaction.");
        commit.initCause(new OptimisticLockException(new StaleObjectStateException("org.veritycms.page.Page", 7L)));
        assertTrue(Conflicts.isConflict(new TransactionalException("ARJUNA016053", commit)));
    }

    @Test
    void hibernatesStaleObjectStateExceptionAloneOrInsideAnEjbExceptionIsAConflict() {
        assertTrue(Conflicts.isConflict(new StaleObjectStateException("Page", 1L)));
        assertTrue(Conflicts.isConflict(new EJBException(new OptimisticLockException("row was updated"))));
    }

    @Test
    void aUniqueKeyRaceIsAConflictWhetherSeenByHibernateOrInABatch() {
        SQLException duplicate = new SQLException("duplicate key value violates unique constraint", "23505");
        assertTrue(Conflicts.isConflict(new PersistenceException(new ConstraintViolationException("insert", duplicate, "uk"))));
        BatchUpdateException batch = new BatchUpdateException("Batch entry 0 was aborted", "", 0, new int[0], null);
        batch.setNextException(duplicate);
        assertTrue(Conflicts.isConflict(new RuntimeException(batch)));
        assertTrue(Conflicts.isConflict(new SQLException("could not serialize access", "40001")));
        assertTrue(Conflicts.isConflict(new SQLException("deadlock detected", "40P01")));
    }

    @Test
    void otherFailuresAreNotConflicts() {
        assertFalse(Conflicts.isConflict(new IllegalStateException("bug")));
        assertFalse(Conflicts.isConflict(new PersistenceException(new SQLException("violates foreign key constraint", "23503"))));
        assertFalse(Conflicts.isConflict(new SQLException("no state")));
        assertFalse(Conflicts.isConflict(null));
    }

    @Test
    void theAnswerIs409ToRetry() {
        assertEquals(409, Conflicts.problem().status());
        assertEquals("concurrent-change", Conflicts.problem().type());
    }
}
