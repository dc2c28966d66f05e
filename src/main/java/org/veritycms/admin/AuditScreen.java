package org.veritycms.admin;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.veritycms.audit.AuditLog;
import org.veritycms.theme.ThemeRenderer;

/** {@code /admin/audit}: the audit log, newest first, filtered by who, what and which subject. Read-only. */
@Path("/admin/audit")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
@RolesAllowed({"EDITOR", "ADMIN"})
public class AuditScreen {

    /** An entry as the screen shows it: what was done in words, and each changed value before and after. */
    public record Row(String at, String actor, String action, String actionCode, String subjectType, String subject,
            List<Value> before, List<Value> after) {
    }

    /** One recorded value: its name and what it was, in words (a long hash cut short). */
    public record Value(String name, String text) {
    }

    private static final Pattern HASH = Pattern.compile("[0-9a-f]{40,}");

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
                .map(e -> new Row(frame.when(e.occurredAt()), e.actor(), label(e.action()), e.action(), e.subjectType(),
                        e.subject(), values(e.before()), values(e.after()))).toList());
        model.put("filter", Map.of("actor", nz(actor), "action", nz(action), "subject", nz(subject)));
        model.put("offset", Math.max(0, offset));
        model.put("pageSize", PAGE);
        return theme.render("admin/audit.ftlh", model);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /** The action in words when the theme has them ({@code audit.do.page.publish}), else its code. */
    private String label(String action) {
        String key = "audit.do." + action;
        return theme.messages().has(key) ? theme.messages().get(key) : action;
    }

    /** The changed values of a recorded JSON object, in order; anything else is shown as it is. */
    static List<Value> values(String json) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            JsonValue value = reader.readValue();
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                return List.of(new Value("", text(value)));
            }
            return value.asJsonObject().entrySet().stream().map(e -> new Value(e.getKey(), text(e.getValue()))).toList();
        } catch (JsonException e) {
            return List.of(new Value("", json));
        }
    }

    private static String text(JsonValue value) {
        String text = switch (value.getValueType()) {
            case STRING -> ((JsonString) value).getString();
            case NULL -> "(none)";
            case TRUE -> "yes";
            case FALSE -> "no";
            default -> value.toString();
        };
        return HASH.matcher(text).matches() ? text.substring(0, 12) + "\u2026" : text;
    }
}
