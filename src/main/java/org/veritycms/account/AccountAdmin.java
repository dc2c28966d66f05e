package org.veritycms.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.veritycms.audit.AuditLog;
import org.veritycms.shared.Problem;
import org.veritycms.shared.ProblemException;

/**
 * Administrators' work on accounts: create, change roles and details, enable or disable, set a
 * password. An administrator cannot lock themselves out (drop their own ADMIN role or disable
 * themselves); disabling an account or changing its password ends its sessions. Anyone signed in
 * changes their own password, given their current one. Audited.
 */
@ApplicationScoped
public class AccountAdmin {

    /** An account's details as an administrator sets them; null leaves a field as it is. */
    public record Changes(String displayName, String email, Set<Role> roles, String profession,
            String registrationNumber, Boolean enabled) {
    }

    @Inject
    AccountRepository accounts;

    @Inject
    PasswordHasher hasher;

    @Inject
    SessionStore sessions;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    @Transactional
    public Account create(String username, String password, Changes details, SignedIn by) {
        String weakness = PasswordHasher.weakness(password);
        if (weakness != null) {
            throw invalid("password", weakness);
        }
        if (accounts.findByUsername(username).isPresent()) {
            throw ProblemException.conflict("username-taken", "There is already an account called '" + username + "'.");
        }
        Account account;
        try {
            account = new Account(username, details.displayName(), hasher.hash(password),
                    details.roles() == null ? EnumSet.noneOf(Role.class) : details.roles(), clock.instant());
        } catch (IllegalArgumentException e) {
            throw invalid(e.getMessage().startsWith("A username") ? "username" : "displayName", e.getMessage());
        }
        account.changeEmail(details.email());
        account.describeClinician(details.profession(), details.registrationNumber());
        accounts.add(account);
        accounts.flush();
        audit.record(by.username(), "account.create", "account", account.username(), null, snapshot(account));
        return account;
    }

    @Transactional
    public Account update(String username, Changes changes, SignedIn by) {
        Account account = find(username);
        Map<String, Object> before = snapshot(account);
        boolean self = account.id() == by.accountId();
        if (self && changes.roles() != null && !changes.roles().contains(Role.ADMIN)) {
            throw ProblemException.conflict("own-admin-role", "You cannot remove your own administrator role:"
                    + " ask another administrator.");
        }
        if (self && Boolean.FALSE.equals(changes.enabled())) {
            throw ProblemException.conflict("disable-self", "You cannot disable your own account.");
        }
        try {
            if (changes.displayName() != null) {
                account.rename(changes.displayName());
            }
        } catch (IllegalArgumentException e) {
            throw invalid("displayName", e.getMessage());
        }
        if (changes.email() != null) {
            account.changeEmail(changes.email());
        }
        if (changes.profession() != null || changes.registrationNumber() != null) {
            account.describeClinician(changes.profession() != null ? changes.profession() : account.profession(),
                    changes.registrationNumber() != null ? changes.registrationNumber() : account.registrationNumber());
        }
        if (changes.roles() != null) {
            for (Role role : Role.values()) {
                if (changes.roles().contains(role)) {
                    account.grant(role);
                } else {
                    account.revoke(role);
                }
            }
        }
        if (Boolean.TRUE.equals(changes.enabled())) {
            account.enable();
        } else if (Boolean.FALSE.equals(changes.enabled())) {
            account.disable();
            sessions.closeAll(account.id());
        }
        accounts.flush();
        audit.record(by.username(), "account.update", "account", account.username(), before, snapshot(account));
        return account;
    }

    @Transactional
    public void setPassword(String username, String password, SignedIn by) {
        String weakness = PasswordHasher.weakness(password);
        if (weakness != null) {
            throw invalid("password", weakness);
        }
        Account account = find(username);
        account.changePasswordHash(hasher.hash(password));
        account.enable();
        sessions.closeAll(account.id());
        audit.record(by.username(), "account.password", "account", account.username(), Map.of("password", "(old)"),
                Map.of("password", "(changed)"));
    }

    /**
     * A signed-in person changes their own password: the current one proves it is them, the new
     * one follows the rules of account set-up and is typed twice. Their other sessions end; this
     * one goes on.
     */
    @Transactional
    public void changeOwnPassword(SignedIn who, String currentPassword, String newPassword, String confirmation) {
        Account account = find(who.username());
        if (currentPassword == null || currentPassword.isEmpty() || !hasher.matches(currentPassword, account.passwordHash())) {
            throw invalid("currentPassword", "Your current password is not right");
        }
        String weakness = PasswordHasher.weakness(newPassword);
        if (weakness != null) {
            throw invalid("newPassword", weakness);
        }
        if (!newPassword.equals(confirmation)) {
            throw invalid("confirmPassword", "The two new passwords are not the same");
        }
        if (newPassword.equals(currentPassword)) {
            throw invalid("newPassword", "Choose a password other than your current one");
        }
        account.changePasswordHash(hasher.hash(newPassword));
        sessions.closeAllBut(account.id(), who.sessionTokenHash().orElse(null));
        audit.record(who.username(), "account.password.own", "account", account.username(), Map.of("password", "(old)"),
                Map.of("password", "(changed)"));
    }

    public List<Account> all() {
        return accounts.findAll();
    }

    public Account find(String username) {
        return accounts.findByUsername(username)
                .orElseThrow(() -> ProblemException.notFound("There is no account '" + username + "'."));
    }

    static Map<String, Object> snapshot(Account a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("displayName", a.displayName());
        m.put("email", a.email());
        m.put("roles", a.roles().stream().map(Enum::name).sorted().toList());
        m.put("profession", a.profession());
        m.put("registrationNumber", a.registrationNumber());
        m.put("enabled", a.enabled());
        return m;
    }

    private static ProblemException invalid(String field, String message) {
        return ProblemException.invalid(message + ".", List.of(new Problem.FieldError(field, message)));
    }
}
