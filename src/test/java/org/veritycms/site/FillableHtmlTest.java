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
        String page = "<form>" + Visitors.CSRF_PLACEHOLDER + "|" + CommentPlaceholders.STAMP + "</form><form>"
                + Visitors.CSRF_PLACEHOLDER + "</form>" + RatingSection.THANKS;
        List<String> asked = new ArrayList<>();
        assertEquals("<form><csrf>|<form_shown></form><form><csrf></form><rating_thanks>",
                filled(FillableHtml.of(page), asked));
        assertEquals(List.of("csrf", "form_shown", "rating_thanks"), asked);
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
        String forged = "__verity_csrf_" + "abc__ and __verity_csrf__ and __verity_";
        String page = "<p>" + forged + "</p>" + Visitors.CSRF_PLACEHOLDER + "é";
        FillableHtml html = FillableHtml.of(page);
        assertEquals(List.of("csrf"), html.slots());
        assertEquals("<p>" + forged + "</p><csrf>é", filled(html, new ArrayList<>()));
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
