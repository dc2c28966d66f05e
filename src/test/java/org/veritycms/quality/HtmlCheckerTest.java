package org.veritycms.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The HTML checker the quality gates rely on catches what it must. */
class HtmlCheckerTest {

    static final String GOOD = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>T</title></head>"
            + "<body><main><h1>Hi</h1><img src=\"/a.png\" alt=\"A chart\"></main></body></html>";

    @Test
    void aValidPageHasNoErrors() {
        assertEquals(List.of(), HtmlChecker.errors(GOOD));
    }

    @Test
    void anImageWithoutAltTextIsAnError() {
        List<String> errors = HtmlChecker.errors(GOOD.replace(" alt=\"A chart\"", ""));
        assertTrue(errors.stream().anyMatch(e -> e.contains("alt")), errors.toString());
    }

    @Test
    void strayMarkupIsAnError() {
        assertTrue(!HtmlChecker.errors(GOOD.replace("<h1>Hi</h1>", "<h1>Hi</h2>")).isEmpty());
    }
}
