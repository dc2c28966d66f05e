package org.veritycms.comment;

import org.veritycms.page.CommentPolicy;
import org.veritycms.page.Page;
import org.veritycms.page.Readability;

/** Whether a page takes comments now: its policy allows them and readers can see it (a withdrawn page closes them). */
public final class Commenting {

    private Commenting() {
    }

    public static boolean isOpen(Page page, Readability readability) {
        return page.commentPolicy() != CommentPolicy.CLOSED && readability == Readability.READABLE;
    }

    /** Whether a moderator sees every comment on the page before readers do. */
    public static boolean isPremoderated(Page page) {
        return page.commentPolicy() == CommentPolicy.PREMODERATED;
    }
}
