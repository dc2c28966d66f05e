package org.veritycms.shared;

import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Writes a transaction's changes to the database while its method is still running, so that a
 * lost race (a stale version, a key taken a moment earlier) is thrown as itself, where the error
 * mappers recognise it as a conflict (409). Left to the commit, the same failure arrives wrapped
 * in a rollback exception with the original cause lost. {@link TransactionalFlushExtension} puts
 * it on every bean that uses {@code @Transactional}.
 */
@InterceptorBinding
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface FlushBeforeCommit {

    /** The binding as a value, for the extension. */
    final class Literal extends jakarta.enterprise.util.AnnotationLiteral<FlushBeforeCommit> implements FlushBeforeCommit {
        private static final long serialVersionUID = 1L;
        public static final Literal INSTANCE = new Literal();
    }
}
