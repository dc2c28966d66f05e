package org.veritycms.page;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;

/**
 * A page written out in the content format: YAML front matter, then the Markdown body, exactly as
 * a file under {@code content/pages/<topic>/<slug>.md} reads. Revisions keep it so any two can be
 * compared line by line; the export writes it so the import reads it back unchanged.
 */
public final class PageDocument {

    private static final DumpSettings YAML = DumpSettings.builder().setDefaultFlowStyle(FlowStyle.BLOCK)
            .setWidth(100).setSplitLines(true).build();

    private PageDocument() {
    }

    /** The page's content, review dates and reviewer, without its workflow status (as revisions keep it). */
    public static String of(Page page) {
        return write(page, false);
    }

    /** The page as a content file, with its workflow status (as the export writes it). */
    public static String forExport(Page page) {
        return write(page, true);
    }

    private static String write(Page page, boolean withStatus) {
        Map<String, Object> fm = new LinkedHashMap<>();
        fm.put("title", page.title());
        fm.put("summary", page.summary());
        fm.put("tier", page.riskTier().name());
        fm.put("owner", page.owner());
        fm.put("comments", page.commentPolicy().name());
        if (withStatus) {
            fm.put("status", page.status().name());
        }
        putDate(fm, "lastReviewed", page.reviewDates().lastReviewedOn());
        putDate(fm, "nextReviewDue", page.reviewDates().nextReviewDue());
        if (page.reviewedBy() != null) {
            Map<String, Object> reviewer = new LinkedHashMap<>();
            reviewer.put("name", page.reviewedBy().name());
            if (page.reviewedBy().profession() != null) {
                reviewer.put("profession", page.reviewedBy().profession());
            }
            fm.put("reviewedBy", reviewer);
        }
        if (!page.relatedSlugs().isEmpty()) {
            fm.put("related", new ArrayList<>(page.relatedSlugs()));
        }
        if (!page.evidence().isEmpty()) {
            List<Map<String, Object>> sources = new ArrayList<>();
            for (Evidence e : page.evidence()) {
                Map<String, Object> m = new LinkedHashMap<>();
                putText(m, "title", e.title());
                putText(m, "url", e.url());
                putText(m, "publisher", e.publisher());
                putDate(m, "accessed", e.accessedOn());
                sources.add(m);
            }
            fm.put("evidence", sources);
        }
        if (!page.media().isEmpty()) {
            List<Map<String, Object>> media = new ArrayList<>();
            for (MediaItem item : page.media()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("kind", item.kind().name());
                putText(m, "title", item.title());
                putText(m, "src", item.src());
                putText(m, "alt", item.altText());
                putText(m, "transcript", item.transcript());
                putDate(m, "lastReviewed", item.reviewDates().lastReviewedOn());
                putDate(m, "nextReviewDue", item.reviewDates().nextReviewDue());
                media.add(m);
            }
            fm.put("media", media);
        }
        return "---\n" + new Dump(YAML).dumpToString(fm) + "---\n" + page.bodyMarkdown();
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
