package org.veritycms.audit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.veritycms.shared.Problem;
import org.veritycms.shared.ProblemException;

/** The audit log, read-only: there is no way to change or remove an entry. */
@Path("/api/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"EDITOR", "ADMIN"})
public class AuditApi {

    /** One entry; before and after are JSON objects of the values that changed. */
    public record EntryView(long id, Instant at, String actor, String action, String subjectType, String subject,
            String before, String after) {
        static EntryView of(AuditEntry e) {
            return new EntryView(e.id(), e.occurredAt(), e.actor(), e.action(), e.subjectType(), e.subject(), e.before(),
                    e.after());
        }
    }

    @Inject
    AuditLog log;

    @GET
    @APIResponse(responseCode = "200", description = "The entries that match, newest first")
    @APIResponse(responseCode = "400", description = "A from or to that is not an ISO-8601 instant, or an offset or"
            + " limit that is not a whole number")
    public List<EntryView> find(@QueryParam("actor") String actor, @QueryParam("action") String action,
            @QueryParam("subjectType") String subjectType, @QueryParam("subject") String subject,
            @Parameter(description = "Entries at or after this instant", schema = @Schema(format = "date-time"))
            @QueryParam("from") String from,
            @Parameter(description = "Entries before this instant", schema = @Schema(format = "date-time"))
            @QueryParam("to") String to,
            @QueryParam("offset") @DefaultValue("0") int offset, @QueryParam("limit") @DefaultValue("100") int limit) {
        return log.find(new AuditLog.Filter(actor, action, subjectType, subject, instant(from, "from"), instant(to, "to")),
                offset, limit).stream().map(EntryView::of).toList();
    }

    private static Instant instant(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw ProblemException.invalid("'" + field + "' must be a time like 2026-11-30T09:00:00Z.",
                    List.of(new Problem.FieldError(field, "must be an ISO-8601 instant")));
        }
    }
}
