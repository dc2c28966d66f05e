package org.veritycms.page;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * Every status change a page can make, in one table: the page's own status (workflow, schedule,
 * review scan, import) and the status of a change waiting over a live page. The {@link Page}
 * refuses any change its current status does not allow; system changes (made by jobs, the import
 * and reviews rather than a person's workflow step) are taken only from inside this package.
 */
final class Lifecycle {

    private Lifecycle() {
    }

    /** A change of the page's status. */
    enum Move {
        SUBMIT("submitted for review", PageStatus.IN_REVIEW, false, PageStatus.DRAFT),
        APPROVE("approved", PageStatus.APPROVED, false, PageStatus.IN_REVIEW),
        RETURN("returned to draft", PageStatus.DRAFT, false, PageStatus.IN_REVIEW, PageStatus.APPROVED),
        PUBLISH("published", PageStatus.PUBLISHED, false, PageStatus.APPROVED),
        WITHDRAW("withdrawn", PageStatus.WITHDRAWN, false, PageStatus.PUBLISHED),
        ARCHIVE("archived", PageStatus.ARCHIVED, false, PageStatus.DRAFT, PageStatus.PUBLISHED, PageStatus.WITHDRAWN),
        REOPEN("reopened", PageStatus.DRAFT, false, PageStatus.WITHDRAWN, PageStatus.ARCHIVED),
        PUBLISH_SCHEDULED("published on schedule", PageStatus.PUBLISHED, true, PageStatus.APPROVED),
        EXPIRE("expired", PageStatus.ARCHIVED, true, PageStatus.PUBLISHED),
        WITHDRAW_OVERDUE("withdrawn for an overdue review", PageStatus.WITHDRAWN, true, PageStatus.PUBLISHED),
        RESTORE_REVIEWED("restored after its review", PageStatus.PUBLISHED, true, PageStatus.WITHDRAWN),
        IMPORT_PUBLISH("published from a content file", PageStatus.PUBLISHED, true, PageStatus.DRAFT),
        IMPORT_SUBMIT("put in review from a content file", PageStatus.IN_REVIEW, true, PageStatus.DRAFT),
        IMPORT_WITHDRAW("withdrawn from a content file", PageStatus.WITHDRAWN, true, PageStatus.PUBLISHED),
        IMPORT_ARCHIVE("archived from a content file", PageStatus.ARCHIVED, true, PageStatus.DRAFT);

        final String done;
        final PageStatus to;
        final boolean system;
        final Set<PageStatus> from;

        Move(String done, PageStatus to, boolean system, PageStatus first, PageStatus... rest) {
            this.done = done;
            this.to = to;
            this.system = system;
            this.from = EnumSet.of(first, rest);
        }

        PageStatus from(PageStatus current) {
            if (!from.contains(current)) {
                throw new WorkflowRefused("A page that is " + current.label().toLowerCase(Locale.ROOT) + " cannot be " + done);
            }
            return to;
        }
    }

    /** A change of the status of the change waiting over a live page. */
    enum ChangeMove {
        SAVE("saved", ChangeStatus.DRAFT, ChangeStatus.NONE, ChangeStatus.DRAFT, ChangeStatus.IN_REVIEW, ChangeStatus.APPROVED),
        SUBMIT("submitted for review", ChangeStatus.IN_REVIEW, ChangeStatus.DRAFT),
        APPROVE("approved", ChangeStatus.APPROVED, ChangeStatus.IN_REVIEW),
        RETURN("returned to draft", ChangeStatus.DRAFT, ChangeStatus.IN_REVIEW, ChangeStatus.APPROVED),
        PUBLISH("published", ChangeStatus.NONE, ChangeStatus.APPROVED),
        PUBLISH_CORRECTION("published as a non-clinical correction", ChangeStatus.NONE, ChangeStatus.DRAFT,
                ChangeStatus.IN_REVIEW),
        DISCARD("discarded", ChangeStatus.NONE, ChangeStatus.DRAFT, ChangeStatus.IN_REVIEW, ChangeStatus.APPROVED);

        final String done;
        final ChangeStatus to;
        final Set<ChangeStatus> from;

        ChangeMove(String done, ChangeStatus to, ChangeStatus first, ChangeStatus... rest) {
            this.done = done;
            this.to = to;
            this.from = EnumSet.of(first, rest);
        }

        ChangeStatus from(ChangeStatus current) {
            if (!from.contains(current)) {
                throw new WorkflowRefused(current == ChangeStatus.NONE ? "There is no change waiting to be " + done
                        : "A change that is " + current.label().toLowerCase(Locale.ROOT) + " cannot be " + done);
            }
            return to;
        }
    }
}
