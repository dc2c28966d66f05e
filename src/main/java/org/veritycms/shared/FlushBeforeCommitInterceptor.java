package org.veritycms.shared;

import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.io.Serializable;

/**
 * Flushes the persistence context when the outermost call of a transaction returns, inside that
 * transaction (this interceptor runs within the {@code @Transactional} one), so that the commit
 * that follows has nothing left to write and cannot fail on a lost race in disguise. A call that
 * joins a transaction already under way leaves the flush to the call that began it.
 */
@FlushBeforeCommit
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 201)
public class FlushBeforeCommitInterceptor implements Serializable {

    private static final long serialVersionUID = 1L;
    /** Marks, per transaction, that its outermost intercepted call has been found. */
    private static final Object OUTERMOST = FlushBeforeCommitInterceptor.class.getName() + ".outermost";

    @PersistenceContext(unitName = "verity")
    transient EntityManager em;

    /** By its server-wide name: {@code java:comp} is not bound on the threads scheduled jobs run on. */
    @Resource(lookup = "java:jboss/TransactionSynchronizationRegistry")
    transient TransactionSynchronizationRegistry transactions;

    @AroundInvoke
    public Object flushOnReturn(InvocationContext call) throws Exception {
        boolean outermost = transactions.getTransactionKey() != null && transactions.getResource(OUTERMOST) == null;
        if (outermost) {
            transactions.putResource(OUTERMOST, Boolean.TRUE);
        }
        Object result = call.proceed();
        if (outermost && transactions.getTransactionStatus() == Status.STATUS_ACTIVE && em.isJoinedToTransaction()) {
            em.flush();
        }
        return result;
    }
}
