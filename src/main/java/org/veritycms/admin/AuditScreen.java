package org.veritycms.admin;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.veritycms.audit.AuditLog;
import org.veritycms.theme.ThemeRenderer;

/** {@code /admin/audit}: the audit log, newest first, filtered by who, what and which subject. Read-only. */
@Path("/admin/audit")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
@RolesAllowed({"EDITOR", "ADMIN"})
public class AuditScreen {

    /** An entry as the screen shows it. */
    public record Row(String at, String actor, String action, String subjectType, String subject, String before, String after) {
    }

    private static final int PAGE = 100;

    @Inject
    AuditLog log;

    @Inject
    AdminFrame frame;

    @Inject
    ThemeRenderer theme;

    @GET
    public String show(@QueryParam("actor") String actor, @QueryParam("action") String action,
            @QueryParam("subject") String subject, @QueryParam("offset") int offset) {
        Map<String, Object> model = frame.model("Audit log", "/admin/audit");
        model.put("rows", log.find(new AuditLog.Filter(actor, action, null, subject, null, null), offset, PAGE).stream()
                .map(e -> new Row(frame.when(e.occurredAt()), e.actor(), e.action(), e.subjectType(), e.subject(),
                        e.before() == null ? "" : e.before(), e.after() == null ? "" : e.after())).toList());
        model.put("filter", Map.of("actor", nz(actor), "action", nz(action), "subject", nz(subject)));
        model.put("offset", Math.max(0, offset));
        model.put("pageSize", PAGE);
        return theme.render("admin/audit.ftlh", model);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
