package org.veritycms.admin;

import jakarta.ws.rs.core.MultivaluedMap;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import org.veritycms.shared.Problem;
import org.veritycms.shared.ProblemException;

/** A posted admin form, read field by field; a value that cannot be read is a 400 naming its field. */
record FormValues(MultivaluedMap<String, String> form) {

    String text(String field) {
        String value = form.getFirst(field);
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** A {@code datetime-local} value in the site's zone; blank for none. */
    Instant time(String field, ZoneId zone) {
        String value = text(field);
        try {
            return value == null ? null : LocalDateTime.parse(value).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw invalid(field, "must be a date and time like 2026-12-01T09:00");
        }
    }

    LocalDate date(String field) {
        String value = text(field);
        try {
            return value == null ? null : LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw invalid(field, "must be a date like 2027-11-30");
        }
    }

    Integer number(String field) {
        String value = text(field);
        try {
            return value == null ? null : Integer.valueOf(value);
        } catch (NumberFormatException e) {
            throw invalid(field, "must be a whole number");
        }
    }

    Long id(String field) {
        String value = text(field);
        try {
            return value == null ? null : Long.valueOf(value);
        } catch (NumberFormatException e) {
            throw invalid(field, "must be one of the choices offered");
        }
    }

    <E extends Enum<E>> E choice(String field, Class<E> type) {
        String value = text(field);
        try {
            return value == null ? null : Enum.valueOf(type, value.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw invalid(field, "must be one of the choices offered");
        }
    }

    private static ProblemException invalid(String field, String message) {
        return ProblemException.invalid("The " + field + " " + message + ".", List.of(new Problem.FieldError(field, message)));
    }
}
