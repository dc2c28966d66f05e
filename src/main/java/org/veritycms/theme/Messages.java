package org.veritycms.theme;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.text.MessageFormat;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/** The merged messages of a theme chain: the active theme's text wins over its parents'. */
public final class Messages {

    private final Map<String, String> texts;
    private final Locale locale;

    public Messages(List<Theme> chain, Locale locale) {
        Map<String, String> merged = new HashMap<>();
        for (int i = chain.size() - 1; i >= 0; i--) {
            if (Files.isRegularFile(chain.get(i).messages())) {
                Properties props = new Properties();
                try (Reader in = Files.newBufferedReader(chain.get(i).messages(), StandardCharsets.UTF_8)) {
                    props.load(in);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                props.stringPropertyNames().forEach(k -> merged.put(k, props.getProperty(k)));
            }
        }
        this.texts = Collections.unmodifiableMap(merged);
        this.locale = locale;
    }

    /** The text for a key with its {0}-style arguments filled in; an unknown key shows itself. */
    public String get(String key, Object... args) {
        String pattern = texts.get(key);
        if (pattern == null) {
            return "??" + key + "??";
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
    }

    public boolean has(String key) {
        return texts.containsKey(key);
    }

    public Map<String, String> all() {
        return texts;
    }
}
