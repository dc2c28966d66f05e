package org.veritycms.content;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.veritycms.page.RiskTier;
import org.veritycms.page.Slug;

/** One topic as {@code topics.yaml} describes it. */
public record TopicEntry(Slug slug, String title, String description, RiskTier tier, int position) {

    /** Reads the whole of topics.yaml: a list of topics. */
    public static List<TopicEntry> parseAll(String yaml) {
        Object loaded = FrontMatter.loadYaml(yaml.replace("\r\n", "\n"), 1);
        if (!(loaded instanceof List<?> list)) {
            throw new ContentError(1, "topics.yaml must be a list of topics");
        }
        List<TopicEntry> topics = new ArrayList<>();
        String[] lines = yaml.split("\n", -1);
        for (int i = 0; i < list.size(); i++) {
            int line = lineOfEntry(lines, i);
            if (!(list.get(i) instanceof Map<?, ?> m)) {
                throw new ContentError(line, "Each topic must be a set of 'key: value' lines");
            }
            String slug = m.get("slug") == null ? null : m.get("slug").toString();
            if (!Slug.isValid(slug)) {
                throw new ContentError(line, "Topic slug '" + slug + "' is not a valid slug");
            }
            Object title = m.get("title");
            if (title == null || title.toString().isBlank()) {
                throw new ContentError(line, "Topic '" + slug + "' needs a title");
            }
            Object description = m.get("description");
            RiskTier tier;
            try {
                tier = RiskTier.valueOf(String.valueOf(m.get("tier") == null ? "STANDARD" : m.get("tier")).toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new ContentError(line, "Topic '" + slug + "': tier must be HIGH, STANDARD or LOW");
            }
            topics.add(new TopicEntry(new Slug(slug), title.toString().strip(),
                    description == null ? "" : description.toString().strip(), tier, i));
        }
        return topics;
    }

    private static int lineOfEntry(String[] lines, int index) {
        int seen = -1;
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].startsWith("- ")) {
                seen++;
                if (seen == index) {
                    return i + 1;
                }
            }
        }
        return 1;
    }
}
