package org.veritycms.moderation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Every screen Verity knows, by the name configuration uses, built with the configured
 * thresholds. Adding a screen means one line here.
 */
public final class ScreenCatalogue {

    /** The thresholds screens are built with. */
    public record Settings(Duration tooFast, int maxLinks, int shoutingMinLetters, double shoutingShare,
            int duplicatePageWideMinLength) {

        public static Settings defaults() {
            return new Settings(Duration.ofSeconds(3), 2, 20, 0.7, 30);
        }
    }

    public static final List<String> ALL = List.of(HoneypotScreen.NAME, TooFastScreen.NAME, DuplicateScreen.NAME,
            LinkScreen.NAME, ShoutingScreen.NAME, PersonalDataScreen.NAME, WordListScreen.BANNED,
            WordListScreen.SUSPECT, SafeguardingScreen.NAME);

    private final Map<String, Function<Settings, CommentScreen>> builders = new LinkedHashMap<>();

    public ScreenCatalogue(WordLists lists) {
        builders.put(HoneypotScreen.NAME, s -> new HoneypotScreen());
        builders.put(TooFastScreen.NAME, s -> new TooFastScreen(s.tooFast()));
        builders.put(DuplicateScreen.NAME, s -> new DuplicateScreen(s.duplicatePageWideMinLength()));
        builders.put(LinkScreen.NAME, s -> new LinkScreen(s.maxLinks()));
        builders.put(ShoutingScreen.NAME, s -> new ShoutingScreen(s.shoutingMinLetters(), s.shoutingShare()));
        builders.put(PersonalDataScreen.NAME, s -> new PersonalDataScreen());
        builders.put(WordListScreen.BANNED, s -> WordListScreen.banned(lists::banned));
        builders.put(WordListScreen.SUSPECT, s -> WordListScreen.suspect(lists::suspect));
        builders.put(SafeguardingScreen.NAME, s -> new SafeguardingScreen(lists::safeguarding));
    }

    /** The named screens, in the order given; an unknown name is a configuration mistake, reported at once. */
    public List<CommentScreen> build(List<String> names, Settings settings) {
        List<CommentScreen> screens = new ArrayList<>();
        for (String raw : names) {
            String name = raw.strip().toLowerCase(Locale.ROOT);
            if (name.isEmpty()) {
                continue;
            }
            Function<Settings, CommentScreen> builder = builders.get(name);
            if (builder == null) {
                throw new IllegalArgumentException("Unknown comment screen '" + name + "' in verity.comments.screens;"
                        + " known screens: " + String.join(", ", builders.keySet()));
            }
            if (screens.stream().noneMatch(s -> s.name().equals(name))) {
                screens.add(builder.apply(settings));
            }
        }
        return screens;
    }
}
