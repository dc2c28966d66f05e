package org.veritycms.page;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The editable content of a page, as an editor or a content file gives it. Review dates are not
 * part of it: editing never moves them.
 */
public record PageSource(String title, String summary, String bodyMarkdown, RiskTier tier, String owner,
        CommentPolicy commentPolicy, List<String> relatedSlugs, List<Evidence> evidence, List<MediaSource> media) {

    private static final Pattern WHEN_TO_GET_HELP =
            Pattern.compile("(?mi)^#{2,3}[ \\t]+when to get help[ \\t]*#*[ \\t]*$");
    public static final int MAX_TITLE = 200;
    public static final int MAX_SUMMARY = 400;

    public PageSource {
        require(title, "title", MAX_TITLE);
        require(summary, "summary", MAX_SUMMARY);
        require(bodyMarkdown, "body", 200_000);
        Objects.requireNonNull(tier, "tier");
        Objects.requireNonNull(commentPolicy, "comment policy");
        title = title.strip();
        summary = summary.strip();
        owner = owner == null || owner.isBlank() ? "editorial-team" : owner.strip();
        relatedSlugs = relatedSlugs == null ? List.of() : relatedSlugs.stream().map(String::strip).distinct().toList();
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
        media = media == null ? List.of() : List.copyOf(media);
        relatedSlugs.forEach(Slug::new);
    }

    /** The same content without links to the page itself (a page is not related to itself). */
    public PageSource withoutRelatedTo(String slug) {
        return new PageSource(title, summary, bodyMarkdown, tier, owner, commentPolicy,
                relatedSlugs.stream().filter(s -> !s.equals(slug)).toList(), evidence, media);
    }

    /** Every published page must tell readers when to get help. */
    public boolean hasWhenToGetHelpSection() {
        return WHEN_TO_GET_HELP.matcher(bodyMarkdown).find();
    }

    private static void require(String value, String field, int max) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("The " + field + " is required");
        }
        if (value.length() > max) {
            throw new IllegalArgumentException("The " + field + " is longer than " + max + " characters");
        }
    }
}
