package org.veritycms.page;

/** How much harm out-of-date advice could do; sets the review interval and comment default. */
public enum RiskTier {
    HIGH, STANDARD, LOW;

    public CommentPolicy defaultCommentPolicy() {
        return this == HIGH ? CommentPolicy.PREMODERATED : CommentPolicy.POSTMODERATED;
    }
}
