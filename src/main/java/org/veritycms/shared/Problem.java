package org.veritycms.shared;

import java.util.List;

/**
 * What went wrong, in the shape of RFC 9457 problem details. The type names a stable slug so
 * that clients can branch on it; field errors list what a form or JSON body got wrong.
 */
public record Problem(String type, String title, int status, String detail, List<FieldError> fieldErrors) {

    public Problem {
        fieldErrors = fieldErrors == null ? List.of() : List.copyOf(fieldErrors);
    }

    public static Problem of(int status, String type, String title, String detail) {
        return new Problem(type, title, status, detail, List.of());
    }

    /** One invalid field: where it is and what is wrong with it. */
    public record FieldError(String field, String message) {
    }
}
