package org.veritycms.admin;

import jakarta.ws.rs.core.MultivaluedMap;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.veritycms.editorial.EditorialViews;
import org.veritycms.editorial.PageInput;
import org.veritycms.page.CommentPolicy;
import org.veritycms.page.MediaKind;
import org.veritycms.page.RiskTier;
import org.veritycms.shared.Problem;
import org.veritycms.shared.ProblemException;

/**
 * The page editor's form, both ways: a page's values as the form's text fields, and the posted
 * fields as a {@link PageInput}. Sources and media are edited as YAML lists, in the same shape as
 * a content file's front matter.
 */
public record PageForm(String slug, String topic, String title, String summary, String tier, String owner,
        String comments, String related, String body, String evidence, String media, String version, String changeNote,
        boolean nonClinical) {

    private static final DumpSettings DUMP = DumpSettings.builder().setDefaultFlowStyle(FlowStyle.BLOCK).setWidth(100).build();

    /** An empty form for a new page. */
    public static PageForm blank() {
        return new PageForm("", "", "", "", "STANDARD", "", "", "", "", "", "", "", "", false);
    }

    /** The form as it was posted. */
    public static PageForm posted(MultivaluedMap<String, String> form) {
        return new PageForm(field(form, "slug"), field(form, "topic"), field(form, "title"), field(form, "summary"),
                field(form, "tier"), field(form, "owner"), field(form, "comments"), field(form, "related"),
                field(form, "body"), field(form, "evidence"), field(form, "media"), field(form, "version"),
                field(form, "changeNote"), "true".equals(form.getFirst("nonClinical")));
    }

    /** A page's current values. */
    public static PageForm of(EditorialViews.PageDetail page) {
        List<Map<String, Object>> sources = new ArrayList<>();
        for (EditorialViews.SourceView s : page.evidence()) {
            Map<String, Object> m = new LinkedHashMap<>();
            put(m, "title", s.title());
            put(m, "url", s.url());
            put(m, "publisher", s.publisher());
            put(m, "accessed", s.accessed() == null ? null : s.accessed().toString());
            sources.add(m);
        }
        List<Map<String, Object>> items = new ArrayList<>();
        for (EditorialViews.MediaContent v : page.workingMedia()) {
            Map<String, Object> m = new LinkedHashMap<>();
            put(m, "kind", v.kind());
            put(m, "title", v.title());
            put(m, "src", v.src());
            put(m, "alt", v.alt());
            put(m, "transcript", v.transcript());
            if (v.decorative()) {
                m.put("decorative", true);
            }
            items.add(m);
        }
        return new PageForm(page.slug(), page.topic(), page.title(), page.summary(), page.tier(), page.owner(),
                page.comments(), String.join(", ", page.related()), page.body(), yaml(sources), yaml(items),
                Long.toString(page.version()), "", false);
    }

    /** The same text, now against this version of the page (after a conflict, to save over it knowingly). */
    public PageForm atVersion(long newVersion) {
        return new PageForm(slug, topic, title, summary, tier, owner, comments, related, body, evidence, media,
                Long.toString(newVersion), changeNote, nonClinical);
    }

    /**
     * The same form with one more entry at the end of its media list, appended to the text as typed
     * (nothing the editor wrote is reformatted or lost).
     */
    public PageForm withMedia(String kind, String itemTitle, String src, String alt, String transcript, boolean decorative) {
        String entry = mediaEntry(kind, itemTitle, src, alt, transcript, decorative);
        String text = media.isBlank() ? entry : media.endsWith("\n") ? media + entry : media + "\n" + entry;
        return new PageForm(slug, topic, title, summary, tier, owner, comments, related, body, evidence, text, version,
                changeNote, nonClinical);
    }

    /** One entry of the media list as the form writes it: the chooser adds this text, on the server or in the browser. */
    static String mediaEntry(String kind, String itemTitle, String src, String alt, String transcript, boolean decorative) {
        Map<String, Object> m = new LinkedHashMap<>();
        put(m, "kind", kind);
        put(m, "title", itemTitle);
        put(m, "src", src);
        put(m, "alt", alt);
        put(m, "transcript", transcript);
        if (decorative) {
            m.put("decorative", true);
        }
        return yaml(List.of(m));
    }

    /** What the editor asked for, or a 400 naming each field that could not be read. */
    public PageInput toInput() {
        List<Problem.FieldError> errors = new ArrayList<>();
        RiskTier riskTier = enumOf(RiskTier.class, tier, "tier", errors);
        CommentPolicy policy = enumOf(CommentPolicy.class, comments, "comments", errors);
        Long expected = null;
        if (!version.isBlank()) {
            try {
                expected = Long.parseLong(version.strip());
            } catch (NumberFormatException e) {
                errors.add(new Problem.FieldError("version", "is not a version number"));
            }
        }
        List<PageInput.Source> sources = new ArrayList<>();
        for (Map<?, ?> m : list(evidence, "evidence", errors)) {
            sources.add(new PageInput.Source(text(m, "title"), text(m, "url"), text(m, "publisher"),
                    date(m, "accessed", errors)));
        }
        List<PageInput.Media> items = new ArrayList<>();
        for (Map<?, ?> m : list(media, "media", errors)) {
            items.add(new PageInput.Media(enumOf(MediaKind.class, text(m, "kind"), "media", errors), text(m, "title"),
                    text(m, "src"), text(m, "alt"), text(m, "transcript"), flag(m, "decorative", errors)));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid("Some fields could not be read.", errors);
        }
        List<String> relatedSlugs = Arrays.stream(related.split("[,\\s]+")).map(String::strip).filter(s -> !s.isEmpty())
                .toList();
        return new PageInput(blankToNull(slug), blankToNull(topic), title, summary, body, riskTier, blankToNull(owner), policy,
                relatedSlugs, sources, items, expected, changeNote, nonClinical ? Boolean.TRUE : null);
    }

    private static List<Map<?, ?>> list(String yaml, String field, List<Problem.FieldError> errors) {
        if (yaml.isBlank()) {
            return List.of();
        }
        Object loaded;
        try {
            loaded = new Load(LoadSettings.builder().setAllowDuplicateKeys(false).setMaxAliasesForCollections(10)
                    .setCodePointLimit(200_000).build()).loadFromString(yaml);
        } catch (YamlEngineException e) {
            errors.add(new Problem.FieldError(field, "is not valid YAML: " + e.getMessage().lines().findFirst().orElse("")));
            return List.of();
        }
        List<Map<?, ?>> maps = new ArrayList<>();
        if (loaded instanceof List<?> entries) {
            for (Object entry : entries) {
                if (entry instanceof Map<?, ?> m) {
                    maps.add(m);
                } else {
                    errors.add(new Problem.FieldError(field, "must be a list of entries with 'key: value' lines"));
                    return List.of();
                }
            }
        } else if (loaded != null) {
            errors.add(new Problem.FieldError(field, "must be a list, each entry starting with '- '"));
        }
        return maps;
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String value, String field, List<Problem.FieldError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new Problem.FieldError(field, "is required"));
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(new Problem.FieldError(field, "must be one of " + Arrays.toString(type.getEnumConstants())));
            return null;
        }
    }

    private static LocalDate date(Map<?, ?> m, String key, List<Problem.FieldError> errors) {
        String value = text(m, key);
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            errors.add(new Problem.FieldError("evidence", "'" + key + "' must be a date like 2026-09-18"));
            return null;
        }
    }

    /** A yes/no entry: true, false or absent (false). */
    private static Boolean flag(Map<?, ?> m, String key, List<Problem.FieldError> errors) {
        Object value = m.get(key);
        if (value == null || value instanceof Boolean) {
            return (Boolean) value;
        }
        errors.add(new Problem.FieldError("media", "'" + key + "' must be true or false"));
        return null;
    }

    private static String text(Map<?, ?> m, String key) {
        Object value = m.get(key);
        return value == null || value.toString().isBlank() ? null : value.toString().strip();
    }

    private static void put(Map<String, Object> m, String key, String value) {
        if (value != null && !value.isBlank()) {
            m.put(key, value);
        }
    }

    private static String yaml(List<Map<String, Object>> entries) {
        return entries.isEmpty() ? "" : new Dump(DUMP).dumpToString(entries);
    }

    private static String field(MultivaluedMap<String, String> form, String name) {
        String value = form.getFirst(name);
        return value == null ? "" : value;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
