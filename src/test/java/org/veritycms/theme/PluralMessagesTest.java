package org.veritycms.theme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every count in every theme's messages reads right for one and for many: each message with a
 * {@code choice} is formatted with 0, 1, 2 and 7 in every argument, and "1 pages" or "2 page"
 * (a number before the wrong form of a noun) fails it.
 */
class PluralMessagesTest {

    /** "1" followed by a word in its plural form (ending in s, not "was", "is", "has", "this"). */
    static final Pattern ONE_PLURAL = Pattern.compile("(?<![\\d.,])1 (?!was\\b|is\\b|has\\b|this\\b)[a-z]+s\\b");
    /** A number above one followed by a noun in its singular form. */
    static final Pattern MANY_SINGULAR = Pattern.compile("(?<![\\d.,])[27] (page|comment|rating|decision|star|time|reader|"
            + "match|day|revision|item|message|report|account|topic|result|change|minute|hour|second|attempt)\\b");

    @Test
    void everyCountReadsRightForOneAndForMany() throws IOException {
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        try (Stream<Path> bundles = Files.walk(Path.of("themes"))) {
            for (Path bundle : bundles.filter(p -> p.toString().endsWith(".properties")).toList()) {
                Properties messages = new Properties();
                try (Reader in = Files.newBufferedReader(bundle, StandardCharsets.UTF_8)) {
                    messages.load(in);
                }
                for (String key : messages.stringPropertyNames()) {
                    String pattern = messages.getProperty(key);
                    if (!pattern.contains(",choice,")) {
                        continue;
                    }
                    checked++;
                    MessageFormat format = new MessageFormat(pattern, Locale.UK);
                    int arguments = format.getFormatsByArgumentIndex().length;
                    for (int n : new int[] {0, 1, 2, 7}) {
                        Object[] args = new Object[arguments];
                        Arrays.fill(args, n);
                        String text = format.format(args);
                        if (ONE_PLURAL.matcher(text).find() || MANY_SINGULAR.matcher(text).find()) {
                            wrong.add(bundle + " " + key + " with " + n + ": " + text);
                        }
                    }
                }
            }
        }
        assertFalse(checked == 0, "the themes have counted messages");
        assertEquals(List.of(), wrong);
    }

    @Test
    void thePatternsCatchTheMistakesTheyAreFor() {
        assertFalse(!ONE_PLURAL.matcher("1 decisions made").find());
        assertFalse(!ONE_PLURAL.matcher("Rated 1 times so far").find());
        assertFalse(ONE_PLURAL.matcher("1 was not possible").find());
        assertFalse(!MANY_SINGULAR.matcher("2 page match").find());
        assertFalse(MANY_SINGULAR.matcher("12 pages").find());
    }
}
