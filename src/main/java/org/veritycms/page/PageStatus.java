package org.veritycms.page;

/** Where a page stands in the editorial workflow. */
public enum PageStatus {
    DRAFT, IN_REVIEW, APPROVED, PUBLISHED, WITHDRAWN, ARCHIVED
}
