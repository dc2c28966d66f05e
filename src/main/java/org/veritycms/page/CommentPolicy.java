package org.veritycms.page;

/** Whether readers may comment on a page, and whether a person sees comments first. */
public enum CommentPolicy {
    PREMODERATED, POSTMODERATED, CLOSED
}
