package org.veritycms.editorial;

import java.time.Instant;
import java.time.LocalDate;
import org.veritycms.page.WithdrawalReason;

/**
 * A workflow step as asked for: the step, the revision it acts on (required to approve or publish:
 * what was read is what is signed or published), and what some steps need besides: when to
 * publish, why a page is withdrawn, the next review date an approval sets, a note for the record.
 */
public record StepInput(Transition step, Integer revision, Instant publishAt, String note, WithdrawalReason reason,
        LocalDate nextDue) {

    public static StepInput of(Transition step, Integer revision) {
        return new StepInput(step, revision, null, null, null, null);
    }
}
