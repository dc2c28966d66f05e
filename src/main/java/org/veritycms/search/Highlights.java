package org.veritycms.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Marks the words of a text that a query matched, and cuts a snippet around them. The marks are
 * data ({@link Fragment}s), never HTML, so a template escapes every character of the page's text.
 * Words are compared after a light stemming, close enough to the index's analyzer for display.
 */
public final class Highlights {

    private static final Pattern QUERY_WORD = Pattern.compile("(-)?([\\p{L}\\p{N}]+)(\\*)?");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final String[] SUFFIXES = {"ing", "ed", "es", "s", "ly", "e"};

    private final List<String> stems = new ArrayList<>();
    private final List<String> prefixes = new ArrayList<>();

    private Highlights() {
    }

    /** The words of a query, leaving out excluded ones ({@code -word}). */
    public static Highlights of(String query) {
        Highlights h = new Highlights();
        Matcher m = QUERY_WORD.matcher(query);
        while (m.find()) {
            String word = m.group(2).toLowerCase(Locale.ROOT);
            if (m.group(1) != null || word.length() < 2) {
                continue;
            }
            if (m.group(3) != null) {
                h.prefixes.add(word);
            } else {
                h.stems.add(stem(word));
            }
        }
        return h;
    }

    /** The whole text, matched words marked. */
    public List<Fragment> mark(String text) {
        return mark(text, 0, text.length());
    }

    /** Whether some word of the text matches the query. */
    public boolean matches(String text) {
        return firstMatch(text) >= 0;
    }

    /**
     * About {@code length} characters of the text around its first match, cut at word boundaries,
     * with an ellipsis where text was left out; the start of the text when nothing matches.
     */
    public List<Fragment> snippet(String text, int length) {
        if (text.length() <= length) {
            return mark(text);
        }
        int at = Math.max(0, firstMatch(text));
        int start = at < length / 3 ? 0 : boundaryAfter(text, at - length / 3);
        int end = Math.min(text.length(), start + length);
        if (end < text.length()) {
            int space = text.lastIndexOf(' ', end);
            end = space > start ? space : end;
        }
        List<Fragment> fragments = new ArrayList<>();
        if (start > 0) {
            fragments.add(new Fragment("… ", false));
        }
        fragments.addAll(mark(text, start, end));
        if (end < text.length()) {
            fragments.add(new Fragment(" …", false));
        }
        return fragments;
    }

    private List<Fragment> mark(String text, int from, int to) {
        List<Fragment> fragments = new ArrayList<>();
        Matcher m = WORD.matcher(text).region(from, to);
        int plain = from;
        while (m.find()) {
            if (isMatch(m.group())) {
                if (m.start() > plain) {
                    fragments.add(new Fragment(text.substring(plain, m.start()), false));
                }
                fragments.add(new Fragment(m.group(), true));
                plain = m.end();
            }
        }
        if (plain < to) {
            fragments.add(new Fragment(text.substring(plain, to), false));
        }
        return fragments;
    }

    private int firstMatch(String text) {
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            if (isMatch(m.group())) {
                return m.start();
            }
        }
        return -1;
    }

    private boolean isMatch(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        return stems.contains(stem(lower)) || prefixes.stream().anyMatch(lower::startsWith);
    }

    private static int boundaryAfter(String text, int index) {
        int space = text.indexOf(' ', Math.max(0, index));
        return space < 0 ? index : space + 1;
    }

    /** "stretches", "stretching", "stretched" and "stretch" share "stretch"; "runs" and "running" share "run". */
    static String stem(String word) {
        String w = word.endsWith("'s") ? word.substring(0, word.length() - 2) : word;
        for (String suffix : SUFFIXES) {
            if (w.endsWith(suffix) && w.length() - suffix.length() >= 3) {
                w = w.substring(0, w.length() - suffix.length());
                break;
            }
        }
        int n = w.length();
        if (n >= 4 && w.charAt(n - 1) == w.charAt(n - 2) && "aeiou".indexOf(w.charAt(n - 1)) < 0) {
            w = w.substring(0, n - 1);
        }
        return w;
    }
}
