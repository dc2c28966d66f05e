package org.veritycms.notification;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;

/** {@code GET /api/v1/notifications}: the outbox, newest first, and where mail goes. */
@Path("/api/v1/notifications")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"EDITOR", "ADMIN"})
public class NotificationResource {

    /** One message as the API shows it. */
    public record NotificationJson(long id, String kind, String recipient, String subject, String status, int attempts,
            Instant createdAt, Instant sentAt, Instant nextAttemptAt, String lastError) {
    }

    /** The listing. */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "NotificationListing")
    public record Listing(String destination, List<NotificationJson> notifications) {
    }

    @Inject
    Outbox outbox;

    @Inject
    MailSender mail;

    @Inject
    org.veritycms.account.CurrentAccount current;

    /** The outbox, newest first; recipients' addresses are shown in full to administrators only. */
    @GET
    @Transactional
    public Listing list(@QueryParam("limit") Integer limit) {
        int n = limit == null ? 100 : Math.max(1, Math.min(limit, 1000));
        boolean admin = current.require().has(org.veritycms.account.Role.ADMIN);
        return new Listing(mail.destination(), outbox.recent(n).stream().map(m -> new NotificationJson(m.id(), m.kind(),
                admin ? m.recipient() : org.veritycms.shared.EmailMask.masked(m.recipient()), m.subject(), m.status().name(), m.attempts(), m.createdAt(), m.sentAt(), m.nextAttemptAt(),
                m.lastError())).toList());
    }
}
