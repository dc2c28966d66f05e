package org.veritycms.account;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A staff form sent as {@code multipart/form-data} (a file upload), whose resource checks the CSRF
 * token itself as it streams the body, before it keeps any file: {@link CsrfFilter} cannot read such
 * a body without holding the whole file, so it refuses every other multipart form.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ChecksCsrfInBody {
}
