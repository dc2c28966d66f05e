package org.veritycms.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class HighlightsTest {

    static String render(List<Fragment> fragments) {
        return fragments.stream().map(f -> f.match() ? "[" + f.text() + "]" : f.text()).collect(Collectors.joining());
    }

    @Test
    void marksEveryFormOfAQueryWord() {
        Highlights h = Highlights.of("stretching knees");
        assertEquals("[Stretch] gently; [stretches] and [stretched] [knees] ([knee]) help.",
                render(h.mark("Stretch gently; stretches and stretched knees (knee) help.")));
    }

    @Test
    void prefixQueriesMarkWordsStartingWithThePrefix() {
        assertEquals("[breathing] and [breathe], not bread", render(Highlights.of("breath*").mark("breathing and breathe, not bread")));
    }

    @Test
    void excludedWordsAndOperatorsAreNotMarked() {
        assertEquals("[yoga] with a chair", render(Highlights.of("+yoga -chair \"").mark("yoga with a chair")));
    }

    @Test
    void aSnippetIsCutAroundTheFirstMatchAtWordBoundaries() {
        String text = "Alpha ".repeat(60) + "the pelvic floor matters " + "omega ".repeat(60);
        List<Fragment> snippet = Highlights.of("pelvic").snippet(text, 80);
        String shown = render(snippet);
        assertTrue(shown.startsWith("… Alpha"), shown);
        assertTrue(shown.contains("[pelvic]"), shown);
        assertTrue(shown.endsWith(" …"), shown);
        assertTrue(shown.length() <= 80 + 4 + 2, shown);
    }

    @Test
    void withoutAMatchTheSnippetIsTheStartOfTheText() {
        String shown = render(Highlights.of("absent").snippet("word ".repeat(100), 50));
        assertTrue(shown.startsWith("word word"), shown);
        assertFalse(shown.contains("["));
    }

    @Test
    void markupInTheTextStaysPlainTextForTheTemplateToEscape() {
        List<Fragment> fragments = Highlights.of("script").mark("<script>alert(1)</script>");
        assertEquals("<[script]>alert(1)</[script]>", render(fragments));
    }

    @Test
    void stemsShareTheirRoot() {
        assertEquals(Highlights.stem("exercise"), Highlights.stem("exercises"));
        assertEquals(Highlights.stem("running"), Highlights.stem("runs"));
        assertEquals("stretch", Highlights.stem("stretching"));
    }

    @Test
    void plainTextDropsMarkdownSyntax() {
        assertEquals("Lie down. Bend your knees slowly. When to get help Call 111.",
                PlainText.of("Lie down.\n\n* Bend your **knees** [slowly](https://x.org).\n\n## When to get help\n\nCall 111.\n"));
    }
}
