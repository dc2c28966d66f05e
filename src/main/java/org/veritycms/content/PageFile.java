package org.veritycms.content;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.veritycms.page.CommentPolicy;
import org.veritycms.page.Evidence;
import org.veritycms.page.MediaKind;
import org.veritycms.page.MediaSource;
import org.veritycms.page.PageSource;
import org.veritycms.page.PageStatus;
import org.veritycms.page.ReviewDates;
import org.veritycms.page.Reviewer;
import org.veritycms.page.RiskTier;
import org.veritycms.page.Slug;

/**
 * One page as a content file describes it: {@code pages/<topic>/<slug>.md}. The optional
 * {@code status} (as the export writes it) says where a new page starts in the workflow; a file
 * without one is published when it says when to get help.
 */
public record PageFile(Slug slug, String topicSlug, PageSource source, ReviewDates reviewDates, Reviewer reviewer,
        Map<String, ReviewDates> mediaDates, PageStatus status) {

    /** Reads a page file; a problem is thrown as a {@link ContentError} naming its line. */
    public static PageFile parse(String topicSlug, String fileSlug, String text, RiskTier topicTier) {
        if (!Slug.isValid(fileSlug)) {
            throw new ContentError(1, "The file name must be a slug (lower-case words joined by hyphens): " + fileSlug);
        }
        FrontMatter fm = FrontMatter.parse(text);
        RiskTier tier = fm.enumValue("tier", RiskTier.class).orElse(topicTier);
        CommentPolicy comments = fm.enumValue("comments", CommentPolicy.class).orElse(tier.defaultCommentPolicy());
        LocalDate nextDue = fm.date("nextReviewDue")
                .orElseThrow(() -> new ContentError(fm.lineOf("nextReviewDue"), "'nextReviewDue' is required"));
        ReviewDates dates = at(fm.lineOf("nextReviewDue"), () -> new ReviewDates(fm.date("lastReviewed").orElse(null), nextDue));
        Reviewer reviewer = fm.map("reviewedBy")
                .map(m -> new Reviewer(str(m, "name"), str(m, "profession"))).orElse(null);
        List<String> related = new ArrayList<>();
        for (Object item : fm.list("related")) {
            String slug = String.valueOf(item);
            if (!Slug.isValid(slug)) {
                throw new ContentError(fm.lineOf("related"), "Related page '" + slug + "' is not a valid slug");
            }
            related.add(slug);
        }
        List<Evidence> evidence = new ArrayList<>();
        for (Object item : fm.list("evidence")) {
            Map<?, ?> m = entry(item, fm.lineOf("evidence"), "evidence");
            evidence.add(at(fm.lineOf("evidence"), () -> new Evidence(str(m, "title"), str(m, "url"), str(m, "publisher"),
                    date(m, "accessed", fm.lineOf("evidence")))));
        }
        List<MediaSource> media = new ArrayList<>();
        Map<String, ReviewDates> mediaDates = new java.util.LinkedHashMap<>();
        for (Object item : fm.list("media")) {
            Map<?, ?> m = entry(item, fm.lineOf("media"), "media");
            MediaSource source = media(m, fm.lineOf("media"));
            media.add(source);
            mediaDates.put(source.src(), mediaDates(m, source, fm.lineOf("media")));
        }
        String title = fm.requiredText("title");
        String summary = fm.requiredText("summary");
        String body = fm.body();
        if (body.isBlank()) {
            throw new ContentError(fm.lineOf("title"), "The page has no body after the front matter");
        }
        PageSource source = at(fm.lineOf("title"), () -> new PageSource(title, summary, body, tier,
                fm.text("owner").orElse(null), comments, related, evidence, media));
        PageStatus status = fm.enumValue("status", PageStatus.class).orElse(null);
        return new PageFile(new Slug(fileSlug), topicSlug, source, dates, reviewer, Map.copyOf(mediaDates), status);
    }

    private static MediaSource media(Map<?, ?> m, int line) {
        String kind = str(m, "kind");
        MediaKind mediaKind;
        try {
            mediaKind = MediaKind.valueOf(kind == null ? "" : kind.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ContentError(line, "Media 'kind' must be VIDEO, IMAGE or AUDIO, not '" + kind + "'");
        }
        Object decorative = m.get("decorative");
        if (decorative != null && !(decorative instanceof Boolean)) {
            throw new ContentError(line, "Media 'decorative' must be true or false, not '" + decorative + "'");
        }
        return at(line, () -> new MediaSource(mediaKind, str(m, "title"), str(m, "src"), str(m, "alt"),
                str(m, "transcript"), Boolean.TRUE.equals(decorative)));
    }

    private static ReviewDates mediaDates(Map<?, ?> m, MediaSource source, int line) {
        LocalDate due = date(m, "nextReviewDue", line);
        if (due == null) {
            throw new ContentError(line, "Media item '" + source.title() + "' needs its own 'nextReviewDue'");
        }
        return at(line, () -> new ReviewDates(date(m, "lastReviewed", line), due));
    }

    private static Map<?, ?> entry(Object item, int line, String key) {
        if (item instanceof Map<?, ?> map) {
            return map;
        }
        throw new ContentError(line, "Each '" + key + "' entry must be a set of 'key: value' lines");
    }

    private static String str(Map<?, ?> m, String key) {
        Object value = m.get(key);
        return value == null ? null : value.toString().strip();
    }

    private static LocalDate date(Map<?, ?> m, String key, int line) {
        String value = str(m, key);
        return value == null || value.isEmpty() ? null : FrontMatter.parseDate(value, line, key);
    }

    /** Runs a constructor whose rule violations become errors on the given line. */
    private static <T> T at(int line, java.util.function.Supplier<T> make) {
        try {
            return make.get();
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new ContentError(line, e.getMessage());
        }
    }
}
