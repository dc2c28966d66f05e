package org.veritycms.comment;

import java.time.Instant;
import org.veritycms.page.CommentPolicy;
import org.veritycms.page.Page;
import org.veritycms.page.PageStatus;

/** Whether a page takes comments now: its policy allows them and readers can see it (a withdrawn page closes them). */
public final class Commenting {

    private Commenting() {
    }

    public static boolean isOpen(Page page, Instant now) {
        return page.commentPolicy() != CommentPolicy.CLOSED && page.status() != PageStatus.WITHDRAWN
                && page.isVisibleAt(now);
    }

    /** Whether a moderator sees every comment on the page before readers do. */
    public static boolean isPremoderated(Page page) {
        return page.commentPolicy() == CommentPolicy.PREMODERATED;
    }
}
