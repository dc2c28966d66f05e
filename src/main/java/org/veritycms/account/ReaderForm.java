package org.veritycms.account;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A public form anyone may post (a rating, a comment, a report, a sign-up for updates). Its page is
 * one shared page for every reader, so it carries no per-reader CSRF token: {@link CsrfFilter}
 * refuses it when the browser says it comes from another site ({@link RequestOrigin}) instead.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ReaderForm {
}
