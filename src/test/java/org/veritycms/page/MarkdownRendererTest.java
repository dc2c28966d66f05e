package org.veritycms.page;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MarkdownRendererTest {

    final MarkdownRenderer renderer = new MarkdownRenderer();

    @Test
    void rendersHeadingsListsAndTables() {
        String html = renderer.toHtml("## When to get help\n\n1. Call 111\n\n| a | b |\n|---|---|\n| 1 | 2 |\n");
        assertTrue(html.contains("<h2 id=\"when-to-get-help\">When to get help</h2>"), html);
        assertTrue(html.contains("<ol>"), html);
        assertTrue(html.contains("<table>"), html);
    }

    @Test
    void rawHtmlAndScriptsNeverSurvive() {
        String html = renderer.toHtml("Hi <script>alert(1)</script> <img src=x onerror=alert(2)>\n\n[x](javascript:alert(3))");
        assertFalse(html.contains("<script"), html);
        assertFalse(html.contains("<img"), html);
        assertFalse(html.contains("href=\"javascript:"), html);
    }
}
