package org.veritycms.site;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A rendered page encoded once as UTF-8 and cut where its per-address placeholders
 * ({@link Visitors#placeholder}) stand, so that showing a notice in it is a single copy of
 * bytes rather than a search and replace over the text for every placeholder on every request.
 */
public final class FillableHtml {

    private static final String START = "__verity_";
    private static final int MAX_NAME = 40;

    /** The text between the placeholders; one more part than there are slots. */
    private final byte[][] parts;
    /** The placeholder names, in the order they stand in the page. */
    private final String[] slots;
    private final int literalLength;

    private FillableHtml(byte[][] parts, String[] slots) {
        this.parts = parts;
        this.slots = slots;
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        this.literalLength = length;
    }

    /** Cuts {@code html} at every placeholder made by {@link Visitors#placeholder} in this server run. */
    public static FillableHtml of(String html) {
        String end = Visitors.placeholderEnd();
        List<byte[]> parts = new ArrayList<>();
        List<String> slots = new ArrayList<>();
        int literalFrom = 0;
        int at = html.indexOf(START);
        while (at >= 0) {
            int nameFrom = at + START.length();
            int close = html.indexOf(end, nameFrom);
            if (close > nameFrom && close - nameFrom <= MAX_NAME && isName(html, nameFrom, close)) {
                parts.add(html.substring(literalFrom, at).getBytes(StandardCharsets.UTF_8));
                slots.add(html.substring(nameFrom, close));
                literalFrom = close + end.length();
                at = html.indexOf(START, literalFrom);
            } else {
                at = html.indexOf(START, nameFrom);
            }
        }
        parts.add(html.substring(literalFrom).getBytes(StandardCharsets.UTF_8));
        return new FillableHtml(parts.toArray(byte[][]::new), slots.toArray(String[]::new));
    }

    private static boolean isName(String html, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = html.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c == '_')) {
                return false;
            }
        }
        return true;
    }

    /** The page with each placeholder replaced by {@code valueOf(name)}, asked once per name. */
    public byte[] fill(Function<String, String> valueOf) {
        if (slots.length == 0) {
            return parts[0].clone();
        }
        Map<String, byte[]> values = new HashMap<>(8);
        int length = literalLength;
        for (String slot : slots) {
            byte[] value = values.computeIfAbsent(slot, name -> valueOf.apply(name).getBytes(StandardCharsets.UTF_8));
            length += value.length;
        }
        byte[] out = new byte[length];
        int pos = 0;
        for (int i = 0; i < slots.length; i++) {
            System.arraycopy(parts[i], 0, out, pos, parts[i].length);
            pos += parts[i].length;
            byte[] value = values.get(slots[i]);
            System.arraycopy(value, 0, out, pos, value.length);
            pos += value.length;
        }
        byte[] last = parts[slots.length];
        System.arraycopy(last, 0, out, pos, last.length);
        return out;
    }

    /** The placeholder names in the page, in order (a name may repeat). */
    public List<String> slots() {
        return List.of(slots);
    }
}
