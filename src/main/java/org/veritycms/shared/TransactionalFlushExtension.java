package org.veritycms.shared;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.spi.WithAnnotations;
import jakarta.transaction.Transactional;

/** Puts {@link FlushBeforeCommit} on every bean of the application that uses {@code @Transactional}. */
public class TransactionalFlushExtension implements Extension {

    <T> void flushBeforeCommit(@Observes @WithAnnotations(Transactional.class) ProcessAnnotatedType<T> type) {
        if (type.getAnnotatedType().getJavaClass().getName().startsWith("org.veritycms.")) {
            type.configureAnnotatedType().add(FlushBeforeCommit.Literal.INSTANCE);
        }
    }
}
