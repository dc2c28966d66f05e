package org.veritycms.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.veritycms.account.CurrentAccount;
import org.veritycms.account.Role;
import org.veritycms.account.SignedIn;
import org.veritycms.account.VisitorKeys;

/**
 * What every admin screen's frame needs: who is signed in, the CSRF token for its forms, and the
 * navigation this person's roles open. The one list of admin screens lives here.
 */
@RequestScoped
public class AdminFrame {

    /** One entry in the admin navigation. */
    public record NavLink(String href, String label, boolean current) {
    }

    private record Screen(String href, String label, List<Role> roles) {
    }

    private static final List<Screen> SCREENS = List.of(
            new Screen("/admin", "Dashboard", List.of(Role.values())),
            new Screen("/admin/pages", "Pages", List.of(Role.AUTHOR, Role.EDITOR, Role.CLINICAL_REVIEWER, Role.ADMIN)),
            new Screen("/admin/media", "Media", List.of(Role.AUTHOR, Role.EDITOR, Role.CLINICAL_REVIEWER, Role.ADMIN)),
            new Screen("/admin/moderation", "Moderation", List.of(Role.MODERATOR)),
            new Screen("/admin/topics", "Topics", List.of(Role.EDITOR, Role.ADMIN)),
            new Screen("/admin/operations", "Operations", List.of(Role.EDITOR, Role.CLINICAL_REVIEWER, Role.ADMIN)),
            new Screen("/admin/accounts", "Accounts", List.of(Role.ADMIN)),
            new Screen("/admin/audit", "Audit log", List.of(Role.EDITOR, Role.ADMIN)),
            new Screen(PasswordScreen.PATH, "Your password", List.of(Role.values())));

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm");

    @Inject
    CurrentAccount current;

    @Inject
    VisitorKeys keys;

    @Inject
    @ConfigProperty(name = "verity.zone", defaultValue = "Europe/London")
    String zone;

    /** The model every admin template starts from; {@code section} is the navigation entry to mark. */
    public Map<String, Object> model(String title, String section) {
        SignedIn who = current.require();
        Map<String, Object> model = new HashMap<>();
        model.put("pageTitle", title);
        model.put("who", who.displayName());
        model.put("username", who.username());
        model.put("roles", who.roles().stream().map(Enum::name).sorted().toList());
        model.put("csrf", keys.csrfForSignedIn().orElseThrow());
        List<NavLink> nav = new ArrayList<>();
        for (Screen s : SCREENS) {
            if (s.roles().stream().anyMatch(who::has)) {
                nav.add(new NavLink(s.href(), s.label(), s.href().equals(section)));
            }
        }
        model.put("nav", nav);
        return model;
    }

    public SignedIn who() {
        return current.require();
    }

    public ZoneId zone() {
        return ZoneId.of(zone);
    }

    /** A time as the admin screens show it, in the site's zone. */
    public String when(Instant instant) {
        return instant == null ? "" : WHEN.withZone(zone()).format(instant);
    }
}
