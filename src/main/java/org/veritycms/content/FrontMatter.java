package org.veritycms.content;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * The YAML block between the {@code ---} lines at the top of a content file, and the Markdown
 * after it. Every error names the line it is on.
 */
public final class FrontMatter {

    private static final Pattern FENCE = Pattern.compile("(?m)^---[ \\t]*$");

    private final Map<String, Object> fields;
    private final String yaml;
    private final String body;

    private FrontMatter(Map<String, Object> fields, String yaml, String body) {
        this.fields = fields;
        this.yaml = yaml;
        this.body = body;
    }

    public static FrontMatter parse(String text) {
        String normalised = text.replace("\r\n", "\n");
        if (normalised.startsWith("\uFEFF")) {
            normalised = normalised.substring(1);
        }
        if (!normalised.startsWith("---\n")) {
            throw new ContentError(1, "The file must start with a '---' line opening the front matter");
        }
        Matcher close = FENCE.matcher(normalised);
        if (!close.find(4)) {
            throw new ContentError(1, "The front matter is not closed by a '---' line");
        }
        String yaml = normalised.substring(4, close.start());
        String body = normalised.substring(Math.min(normalised.length(), close.end() + 1));
        return new FrontMatter(load(yaml), yaml, body);
    }

    /** Loads YAML safely: no duplicate keys, few aliases, a bounded document. */
    static Object loadYaml(String yaml, int firstLine) {
        LoadSettings settings = LoadSettings.builder().setAllowDuplicateKeys(false)
                .setMaxAliasesForCollections(10).setCodePointLimit(1_000_000).build();
        try {
            return new Load(settings).loadFromString(yaml);
        } catch (MarkedYamlEngineException e) {
            int line = e.getProblemMark().map(m -> m.getLine() + firstLine).orElse(firstLine);
            throw new ContentError(line, "Invalid YAML: " + e.getProblem());
        } catch (YamlEngineException e) {
            throw new ContentError(firstLine, "Invalid YAML: " + e.getMessage());
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> load(String yaml) {
        Object loaded = loadYaml(yaml, 2);
        if (!(loaded instanceof Map<?, ?> map)) {
            throw new ContentError(2, "The front matter must be a set of 'key: value' lines");
        }
        return (Map<String, Object>) map;
    }

    public String body() {
        return body;
    }

    /** The line a top-level key is on, for error messages (the opening fence is line 1). */
    public int lineOf(String key) {
        String[] lines = yaml.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].startsWith(key + ":")) {
                return i + 2;
            }
        }
        return 1;
    }

    public Optional<String> text(String key) {
        Object value = fields.get(key);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof Map || value instanceof List) {
            throw new ContentError(lineOf(key), "'" + key + "' must be text");
        }
        String text = value.toString().strip();
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }

    public String requiredText(String key) {
        return text(key).orElseThrow(() -> new ContentError(lineOf(key), "'" + key + "' is required"));
    }

    public Optional<LocalDate> date(String key) {
        return text(key).map(value -> parseDate(value, lineOf(key), key));
    }

    public <E extends Enum<E>> Optional<E> enumValue(String key, Class<E> type) {
        return text(key).map(value -> {
            try {
                return Enum.valueOf(type, value.toUpperCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                throw new ContentError(lineOf(key), "'" + key + "' must be one of "
                        + java.util.Arrays.toString(type.getEnumConstants()) + ", not '" + value + "'");
            }
        });
    }

    public List<?> list(String key) {
        Object value = fields.get(key);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw new ContentError(lineOf(key), "'" + key + "' must be a list");
        }
        return list;
    }

    public Optional<Map<?, ?>> map(String key) {
        Object value = fields.get(key);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw new ContentError(lineOf(key), "'" + key + "' must be a set of 'key: value' lines");
        }
        return Optional.of(map);
    }

    static LocalDate parseDate(String value, int line, String key) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new ContentError(line, "'" + key + "' must be a date like 2025-09-18, not '" + value + "'");
        }
    }
}
