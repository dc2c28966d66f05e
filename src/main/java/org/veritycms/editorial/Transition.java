package org.veritycms.editorial;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.veritycms.account.Role;
import org.veritycms.account.SignedIn;
import org.veritycms.page.Page;
import org.veritycms.page.PageStatus;

/**
 * A workflow step, who may take it, and from which statuses. The page itself refuses a step its
 * status does not allow; this says whose step it is.
 */
public enum Transition {
    SUBMIT("Submit for review", EnumSet.of(Role.AUTHOR, Role.EDITOR), EnumSet.of(PageStatus.DRAFT)),
    APPROVE("Approve", EnumSet.of(Role.CLINICAL_REVIEWER), EnumSet.of(PageStatus.IN_REVIEW)),
    RETURN("Return to draft", EnumSet.of(Role.CLINICAL_REVIEWER, Role.EDITOR),
            EnumSet.of(PageStatus.IN_REVIEW, PageStatus.APPROVED)),
    PUBLISH("Publish", EnumSet.of(Role.EDITOR), EnumSet.of(PageStatus.APPROVED)),
    WITHDRAW("Withdraw", EnumSet.of(Role.EDITOR), EnumSet.of(PageStatus.PUBLISHED)),
    ARCHIVE("Archive", EnumSet.of(Role.EDITOR), EnumSet.of(PageStatus.DRAFT, PageStatus.PUBLISHED, PageStatus.WITHDRAWN)),
    REOPEN("Reopen as draft", EnumSet.of(Role.EDITOR), EnumSet.of(PageStatus.WITHDRAWN, PageStatus.ARCHIVED));

    private final String label;
    private final Set<Role> roles;
    private final Set<PageStatus> from;

    Transition(String label, Set<Role> roles, Set<PageStatus> from) {
        this.label = label;
        this.roles = roles;
        this.from = from;
    }

    public String label() {
        return label;
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean mayBeTakenBy(SignedIn who) {
        return roles.stream().anyMatch(who::has);
    }

    public boolean startsFrom(PageStatus status) {
        return from.contains(status);
    }

    /** The steps this person may take on a page in this status, for the editor's buttons. */
    public static Set<Transition> offeredTo(SignedIn who, PageStatus status) {
        Set<Transition> offered = EnumSet.noneOf(Transition.class);
        for (Transition t : values()) {
            if (t.startsFrom(status) && t.mayBeTakenBy(who)) {
                offered.add(t);
            }
        }
        return offered;
    }

    /** Parses "submit", "SUBMIT" or "return"; null when it names no step. */
    public static Transition parse(String name) {
        if (name == null) {
            return null;
        }
        try {
            return valueOf(name.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    void applyTo(Page page, Instant now, Instant publishFrom) {
        switch (this) {
            case SUBMIT -> page.submitForReview();
            case APPROVE -> page.approve();
            case RETURN -> page.returnToDraft();
            case PUBLISH -> page.publishApproved(now, publishFrom);
            case WITHDRAW -> page.withdrawPublished();
            case ARCHIVE -> page.archiveByEditor();
            case REOPEN -> page.reopen();
            default -> throw new IllegalStateException("Unknown step " + this);
        }
    }
}
