package org.veritycms.moderation;

/**
 * One small check on a new comment, in the manner of Apache Roller's comment validators: it
 * passes the comment, flags it for a person, or rejects it, always with a reason. Which screens
 * run, and their thresholds, is configuration ({@code verity.comments.screens}).
 */
public interface CommentScreen {

    /** The name configuration uses for this screen, e.g. {@code too-fast}; also its reason code. */
    String name();

    Verdict screen(Submission submission);
}
