package org.veritycms.moderation;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Words and phrases to look for, one a line ({@code #} starts a comment). Matching ignores case,
 * accents, punctuation and spacing, and the usual digit-for-letter disguises ("k1ll"); a
 * trailing {@code *} matches any ending ("suicid*" finds "suicidal").
 */
public final class PhraseList {

    private static final String WORD = "[\\p{L}\\p{N}]";
    private final List<String> phrases;
    private final Pattern pattern;

    private PhraseList(List<String> phrases) {
        this.phrases = List.copyOf(phrases);
        if (phrases.isEmpty()) {
            this.pattern = null;
        } else {
            List<String> alternatives = new ArrayList<>();
            for (String phrase : phrases) {
                boolean prefix = phrase.endsWith("*");
                String words = normalise(prefix ? phrase.substring(0, phrase.length() - 1) : phrase);
                if (!words.isEmpty()) {
                    alternatives.add(Pattern.quote(words) + (prefix ? WORD + "*" : ""));
                }
            }
            this.pattern = alternatives.isEmpty() ? null
                    : Pattern.compile("(?<!" + WORD + ")(?:" + String.join("|", alternatives) + ")(?!" + WORD + ")");
        }
    }

    public static PhraseList parse(String fileText) {
        List<String> phrases = new ArrayList<>();
        for (String line : fileText.split("\\R")) {
            String phrase = line.strip();
            if (!phrase.isEmpty() && !phrase.startsWith("#")) {
                phrases.add(phrase);
            }
        }
        return new PhraseList(phrases);
    }

    public static PhraseList of(String... phrases) {
        return new PhraseList(List.of(phrases));
    }

    /** The first listed phrase the text contains, as found in the text's normalised form. */
    public Optional<String> firstIn(String text) {
        if (pattern == null || text == null) {
            return Optional.empty();
        }
        String plain = normalise(text);
        Matcher m = pattern.matcher(plain);
        if (m.find()) {
            return Optional.of(m.group());
        }
        m = pattern.matcher(undisguise(plain));
        return m.find() ? Optional.of(m.group()) : Optional.empty();
    }

    public int size() {
        return phrases.size();
    }

    /** Lower case, no accents, words separated by single spaces. */
    static String normalise(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        String words = decomposed.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}@$]+", " ");
        // @ and $ stay only inside words, where they stand for letters ("$tupid")
        return words.replaceAll("(?<!" + WORD + ")[@$]+(?!" + WORD + ")", " ").strip().replaceAll(" +", " ");
    }

    /** Digits and symbols standing in for letters, inside words only. */
    private static String undisguise(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (String word : text.split(" ")) {
            if (!out.isEmpty()) {
                out.append(' ');
            }
            boolean hasLetter = word.codePoints().anyMatch(Character::isLetter);
            out.append(hasLetter ? word.replace('0', 'o').replace('1', 'i').replace('3', 'e').replace('4', 'a')
                    .replace('5', 's').replace('7', 't').replace('@', 'a').replace('$', 's') : word);
        }
        return out.toString();
    }
}
