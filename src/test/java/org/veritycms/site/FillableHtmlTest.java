package org.veritycms.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FillableHtmlTest {

    private static String filled(FillableHtml html, List<String> asked) {
        return new String(html.fill(name -> {
            asked.add(name);
            return "<" + name + ">";
        }), StandardCharsets.UTF_8);
    }

    @Test
    void everyPlaceholderIsFilledAndEachNameAskedOnce() {
        String page = "<section>" + CommentPlaceholders.NOTICE + "|" + RatingSection.THANKS + "</section><p>"
                + CommentPlaceholders.NOTICE + "</p>";
        List<String> asked = new ArrayList<>();
        assertEquals("<section><comment_notice>|<rating_thanks></section><p><comment_notice></p>",
                filled(FillableHtml.of(page), asked));
        assertEquals(List.of("comment_notice", "rating_thanks"), asked);
    }

    @Test
    void textWithoutPlaceholdersComesBackUnchangedInUtf8() {
        String page = "<p>Físio — “gentle” stretches 🧘</p>";
        FillableHtml html = FillableHtml.of(page);
        assertEquals(List.of(), html.slots());
        assertEquals(page, filled(html, new ArrayList<>()));
    }

    @Test
    void whatReadersWriteCannotPassForAPlaceholder() {
        // a comment may contain the visible part of a placeholder, but not this server run's nonce
        String forged = "__verity_rating_thanks_" + "abc__ and __verity_rating_thanks__ and __verity_";
        String page = "<p>" + forged + "</p>" + RatingSection.THANKS + "é";
        FillableHtml html = FillableHtml.of(page);
        assertEquals(List.of("rating_thanks"), html.slots());
        assertEquals("<p>" + forged + "</p><rating_thanks>é", filled(html, new ArrayList<>()));
    }

    @Test
    void aPlaceholderNameIsLowerCaseLettersAndUnderscoresOnly() {
        String end = Visitors.placeholderEnd();
        String page = "__verity_<b>" + end + "__verity_a-b" + end + "__verity_ok" + end;
        FillableHtml html = FillableHtml.of(page);
        assertEquals(List.of("ok"), html.slots());
        String out = filled(html, new ArrayList<>());
        assertTrue(out.startsWith("__verity_<b>" + end + "__verity_a-b" + end), out);
        assertTrue(out.endsWith("<ok>"), out);
        assertFalse(out.contains("__verity_ok"), out);
    }
}
