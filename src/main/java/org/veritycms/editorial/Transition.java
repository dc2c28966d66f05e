package org.veritycms.editorial;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.veritycms.account.Role;
import org.veritycms.account.SignedIn;
import org.veritycms.page.ChangeStatus;
import org.veritycms.page.Page;
import org.veritycms.page.PageStatus;

/**
 * A workflow step and whose step it is. The page itself refuses a step its status does not allow
 * (see the page's transition table); this says who may take it, and which steps to offer. On a
 * live page the steps move the change waiting over it, never the live content until publication.
 */
public enum Transition {
    SUBMIT("Submit for review", EnumSet.of(Role.AUTHOR, Role.EDITOR)),
    APPROVE("Approve and sign off", EnumSet.of(Role.CLINICAL_REVIEWER)),
    RETURN("Return to draft", EnumSet.of(Role.CLINICAL_REVIEWER, Role.EDITOR)),
    PUBLISH("Publish", EnumSet.of(Role.EDITOR)),
    PUBLISH_CORRECTION("Publish as a non-clinical correction", EnumSet.of(Role.EDITOR)),
    DISCARD("Discard the change", EnumSet.of(Role.AUTHOR, Role.EDITOR)),
    WITHDRAW("Withdraw", EnumSet.of(Role.EDITOR)),
    ARCHIVE("Archive", EnumSet.of(Role.EDITOR)),
    REOPEN("Reopen as draft", EnumSet.of(Role.EDITOR));

    private final String label;
    private final Set<Role> roles;

    Transition(String label, Set<Role> roles) {
        this.label = label;
        this.roles = roles;
    }

    public String label() {
        return label;
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public boolean mayBeTakenBy(SignedIn who) {
        return roles.stream().anyMatch(who::has);
    }

    /** Whether the step applies to the page as it stands (the page has the last word). */
    public boolean startsFrom(Page page) {
        PageStatus status = page.status();
        ChangeStatus change = page.change();
        boolean live = page.hasLiveContent();
        return switch (this) {
            case SUBMIT -> live ? change == ChangeStatus.DRAFT : status == PageStatus.DRAFT;
            case APPROVE -> live ? change == ChangeStatus.IN_REVIEW : status == PageStatus.IN_REVIEW;
            case RETURN -> live ? change == ChangeStatus.IN_REVIEW || change == ChangeStatus.APPROVED
                    : status == PageStatus.IN_REVIEW || status == PageStatus.APPROVED;
            case PUBLISH -> live ? change == ChangeStatus.APPROVED : status == PageStatus.APPROVED;
            case PUBLISH_CORRECTION -> live && status == PageStatus.PUBLISHED
                    && (change == ChangeStatus.DRAFT || change == ChangeStatus.IN_REVIEW);
            case DISCARD -> live && change != ChangeStatus.NONE;
            case WITHDRAW -> status == PageStatus.PUBLISHED;
            case ARCHIVE -> status == PageStatus.DRAFT || status == PageStatus.PUBLISHED || status == PageStatus.WITHDRAWN;
            case REOPEN -> status == PageStatus.WITHDRAWN || status == PageStatus.ARCHIVED;
        };
    }

    /** Whether the step must name the revision it acts on (it signs or publishes content). */
    public boolean namesRevision() {
        return this == APPROVE || this == PUBLISH || this == PUBLISH_CORRECTION;
    }

    /** The steps this person may take on this page, for the editor's buttons. */
    public static Set<Transition> offeredTo(SignedIn who, Page page) {
        Set<Transition> offered = EnumSet.noneOf(Transition.class);
        for (Transition t : values()) {
            if (t.startsFrom(page) && t.mayBeTakenBy(who)) {
                offered.add(t);
            }
        }
        return offered;
    }

    /** Parses "submit", "SUBMIT", "publish-correction" or "return"; null when it names no step. */
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
}
