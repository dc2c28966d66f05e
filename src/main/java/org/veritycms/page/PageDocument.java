package org.veritycms.page;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.veritycms.shared.ContentHash;

/**
 * A page written out in the content format: YAML front matter, then the Markdown body, exactly as
 * a file under {@code content/pages/<topic>/<slug>.md} reads.
 *
 * <p>The <em>canonical</em> document holds the content a clinician reviews and nothing else: title,
 * summary, tier, owner, comment policy, related pages, sources with their dates, media with their
 * files, alt text and transcripts, and the body. Every revision keeps it, and the SHA-256 of its
 * UTF-8 bytes is the hash a sign-off pins, so anyone holding the export can check it with
 * {@code sha256sum}. Review dates are not in it: they are the outcome of a review, not what was
 * reviewed. The export writes the same document with the status and review dates added, which
 * the import reads back.
 */
public final class PageDocument {

    private static final DumpSettings YAML = DumpSettings.builder().setDefaultFlowStyle(FlowStyle.BLOCK)
            .setWidth(100).setSplitLines(true).build();
    private static final String FENCE = "---\n";

    private PageDocument() {
    }

    /** The canonical document of some content. */
    public static String canonical(PageSource source) {
        return write(content(source));
    }

    /** SHA-256 of the canonical document: what a sign-off pins. */
    public static String hash(PageSource source) {
        return ContentHash.of(canonical(source));
    }

    /** The page as a content file, with its workflow status and review dates (as the export writes it). */
    public static String forExport(Page page) {
        Map<String, Object> fm = content(page.toSource());
        Map<String, Object> withState = new LinkedHashMap<>();
        fm.forEach((key, value) -> {
            withState.put(key, value);
            if (key.equals("comments")) {
                withState.put("status", page.status().name());
                putDate(withState, "lastReviewed", page.reviewDates().lastReviewedOn());
                putDate(withState, "nextReviewDue", page.reviewDates().nextReviewDue());
                if (page.reviewedBy() != null) {
                    Map<String, Object> reviewer = new LinkedHashMap<>();
                    putText(reviewer, "name", page.reviewedBy().name());
                    putText(reviewer, "profession", page.reviewedBy().profession());
                    withState.put("reviewedBy", reviewer);
                }
            }
        });
        if (withState.get("media") instanceof List<?> media) {
            for (int i = 0; i < media.size(); i++) {
                @SuppressWarnings("unchecked")
                Map<String, Object> m = (Map<String, Object>) media.get(i);
                ReviewDates dates = page.media().get(i).reviewDates();
                putDate(m, "lastReviewed", dates.lastReviewedOn());
                putDate(m, "nextReviewDue", dates.nextReviewDue());
            }
        }
        return write(withState) ;
    }

    /**
     * Reads a canonical document back into content. Only documents this class wrote are read here
     * (revisions); content files go through the importer, which reports errors by line.
     */
    public static PageSource read(String document) {
        if (!document.startsWith(FENCE)) {
            throw new IllegalArgumentException("Not a page document");
        }
        int close = document.indexOf("\n" + FENCE, FENCE.length() - 1);
        if (close < 0) {
            throw new IllegalArgumentException("The page document's front matter is not closed");
        }
        Object loaded = new Load(LoadSettings.builder().setAllowDuplicateKeys(false).setMaxAliasesForCollections(10)
                .setCodePointLimit(2_000_000).build()).loadFromString(document.substring(FENCE.length(), close + 1));
        if (!(loaded instanceof Map<?, ?> fm)) {
            throw new IllegalArgumentException("The page document's front matter is not a map");
        }
        List<String> related = new ArrayList<>();
        list(fm, "related").forEach(r -> related.add(String.valueOf(r)));
        List<Evidence> evidence = new ArrayList<>();
        for (Object o : list(fm, "evidence")) {
            Map<?, ?> m = (Map<?, ?>) o;
            evidence.add(new Evidence(text(m, "title"), text(m, "url"), text(m, "publisher"), date(m, "accessed")));
        }
        List<MediaSource> media = new ArrayList<>();
        for (Object o : list(fm, "media")) {
            Map<?, ?> m = (Map<?, ?>) o;
            media.add(new MediaSource(MediaKind.valueOf(text(m, "kind").toUpperCase(Locale.ROOT)), text(m, "title"),
                    text(m, "src"), text(m, "alt"), text(m, "transcript"), Boolean.TRUE.equals(m.get("decorative"))));
        }
        return new PageSource(text(fm, "title"), text(fm, "summary"), document.substring(close + 1 + FENCE.length()),
                RiskTier.valueOf(text(fm, "tier")), text(fm, "owner"), CommentPolicy.valueOf(text(fm, "comments")),
                related, evidence, media);
    }

    private static Map<String, Object> content(PageSource source) {
        Map<String, Object> fm = new LinkedHashMap<>();
        fm.put("title", source.title());
        fm.put("summary", source.summary());
        fm.put("tier", source.tier().name());
        fm.put("owner", source.owner());
        fm.put("comments", source.commentPolicy().name());
        if (!source.relatedSlugs().isEmpty()) {
            fm.put("related", new ArrayList<>(source.relatedSlugs()));
        }
        if (!source.evidence().isEmpty()) {
            List<Map<String, Object>> sources = new ArrayList<>();
            for (Evidence e : source.evidence()) {
                Map<String, Object> m = new LinkedHashMap<>();
                putText(m, "title", e.title());
                putText(m, "url", e.url());
                putText(m, "publisher", e.publisher());
                putDate(m, "accessed", e.accessedOn());
                sources.add(m);
            }
            fm.put("evidence", sources);
        }
        if (!source.media().isEmpty()) {
            List<Map<String, Object>> media = new ArrayList<>();
            for (MediaSource item : source.media()) {
                media.add(mediaContent(item));
            }
            fm.put("media", media);
        }
        fm.put("body", source.bodyMarkdown());
        return fm;
    }

    /** A media item's content as the document lists it; its hash is what a media sign-off pins. */
    static Map<String, Object> mediaContent(MediaSource item) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", item.kind().name());
        putText(m, "title", item.title());
        putText(m, "src", item.src());
        putText(m, "alt", item.altText());
        putText(m, "transcript", item.transcript());
        if (item.decorative()) {
            m.put("decorative", true); // only when set: the documents and hashes of other items stay as they were
        }
        return m;
    }

    /** SHA-256 of one media item's content, as its own sign-off pins it. */
    public static String mediaHash(MediaSource item) {
        return ContentHash.of(new Dump(YAML).dumpToString(mediaContent(item)));
    }

    private static String write(Map<String, Object> fields) {
        Map<String, Object> fm = new LinkedHashMap<>(fields);
        String body = (String) fm.remove("body");
        return FENCE + new Dump(YAML).dumpToString(fm) + FENCE + body;
    }

    private static List<?> list(Map<?, ?> m, String key) {
        return m.get(key) instanceof List<?> l ? l : List.of();
    }

    private static String text(Map<?, ?> m, String key) {
        Object value = m.get(key);
        return value == null ? null : value.toString();
    }

    private static LocalDate date(Map<?, ?> m, String key) {
        String value = text(m, key);
        try {
            return value == null ? null : LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + key + "' is not a date: " + value, e);
        }
    }

    private static void putText(Map<String, Object> m, String key, String value) {
        if (value != null && !value.isBlank()) {
            m.put(key, value);
        }
    }

    private static void putDate(Map<String, Object> m, String key, LocalDate value) {
        if (value != null) {
            m.put(key, value.toString());
        }
    }
}
