package org.veritycms.account;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A person who works on the site. Guards its own rules: the username is fixed, the password is
 * only ever held as a hash, and repeated failed sign-ins lock the account for a while.
 */
@Entity
@Table(name = "account")
public class Account {

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,59}");

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "account_seq")
    @SequenceGenerator(name = "account_seq", sequenceName = "account_seq", allocationSize = 50)
    private Long id;

    @Column(nullable = false, unique = true, updatable = false)
    private String username;

    @Column(name = "display_name", nullable = false)
    private String displayName;

    private String email;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "account_role", joinColumns = @JoinColumn(name = "account_id"))
    @Enumerated(EnumType.STRING)
    @Column(name = "role", nullable = false)
    private Set<Role> roles = EnumSet.noneOf(Role.class);

    /** A clinician's profession, e.g. "Physiotherapist" (reviewers). */
    private String profession;

    /** A clinician's professional registration number (reviewers; optional). */
    @Column(name = "registration_number")
    private String registrationNumber;

    @Column(nullable = false)
    private boolean enabled = true;

    @Column(name = "failed_sign_ins", nullable = false)
    private int failedSignIns;

    @Column(name = "locked_until")
    private Instant lockedUntil;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected Account() {
    }

    public Account(String username, String displayName, String passwordHash, Set<Role> roles, Instant now) {
        if (username == null || !USERNAME.matcher(username.toLowerCase(Locale.ROOT)).matches()) {
            throw new IllegalArgumentException("A username is 2 to 60 letters, digits, dots, hyphens or underscores");
        }
        this.username = username.toLowerCase(Locale.ROOT);
        rename(displayName);
        this.passwordHash = Objects.requireNonNull(passwordHash, "password hash");
        this.roles.addAll(roles);
        this.createdAt = now;
    }

    public final void rename(String newDisplayName) {
        if (newDisplayName == null || newDisplayName.isBlank() || newDisplayName.length() > 120) {
            throw new IllegalArgumentException("A display name is 1 to 120 characters");
        }
        this.displayName = newDisplayName.strip();
    }

    public void changeEmail(String newEmail) {
        this.email = newEmail == null || newEmail.isBlank() ? null : newEmail.strip();
    }

    public void describeClinician(String newProfession, String newRegistrationNumber) {
        this.profession = blankToNull(newProfession);
        this.registrationNumber = blankToNull(newRegistrationNumber);
    }

    public void changePasswordHash(String newHash) {
        this.passwordHash = Objects.requireNonNull(newHash, "password hash");
    }

    public void grant(Role role) {
        roles.add(role);
    }

    public void revoke(Role role) {
        roles.remove(role);
    }

    public void disable() {
        this.enabled = false;
    }

    public void enable() {
        this.enabled = true;
        this.failedSignIns = 0;
        this.lockedUntil = null;
    }

    public void signInSucceeded() {
        failedSignIns = 0;
        lockedUntil = null;
    }

    public boolean isLockedAt(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }

    public boolean canSignInAt(Instant now) {
        return enabled && !isLockedAt(now);
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    public Long id() { return id; }
    public String username() { return username; }
    public String displayName() { return displayName; }
    public String email() { return email; }
    public String passwordHash() { return passwordHash; }
    public Set<Role> roles() { return Collections.unmodifiableSet(roles); }
    public String profession() { return profession; }
    public String registrationNumber() { return registrationNumber; }
    public boolean enabled() { return enabled; }
    public Instant lockedUntil() { return lockedUntil; }
    public Instant createdAt() { return createdAt; }
    public long version() { return version; }
}
