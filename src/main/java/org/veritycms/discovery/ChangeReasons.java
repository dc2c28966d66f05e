package org.veritycms.discovery;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.veritycms.page.Page;
import org.veritycms.theme.DateFormats;
import org.veritycms.theme.Messages;
import org.veritycms.theme.ThemeRenderer;

/** Why a page is news, in the theme's words: who reviewed it and when, or what its last edit changed. */
@ApplicationScoped
public class ChangeReasons {

    private final Messages messages;
    private final DateFormats dates;

    @Inject
    public ChangeReasons(ThemeRenderer theme, DateFormats dates) {
        this.messages = theme.messages();
        this.dates = dates;
    }

    protected ChangeReasons() {
        this.messages = null;
        this.dates = null;
    }

    public String of(Page page, PageChange change, String changeNote) {
        String day = dates.format(change.day());
        if (change.kind() == PageChange.Kind.UPDATED) {
            return messages.get("feed.updated", day, changeNote == null ? "" : changeNote);
        }
        String due = dates.format(page.reviewDates().nextReviewDue());
        if (page.reviewedBy() == null || page.reviewedBy().name() == null) {
            return messages.get("feed.reviewed", day, due);
        }
        String reviewer = page.reviewedBy().profession() == null ? page.reviewedBy().name()
                : page.reviewedBy().name() + ", " + page.reviewedBy().profession();
        return messages.get("feed.reviewedBy", day, reviewer, due);
    }
}
