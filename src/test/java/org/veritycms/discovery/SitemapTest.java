package org.veritycms.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.veritycms.testing.SitemapSchema;

class SitemapTest {

    @Test
    void aSitemapWithDatesAndEscapedAddressesIsValid() {
        String xml = Sitemap.write(List.of(new Sitemap.Url("https://example.org/", LocalDate.of(2026, 3, 1)),
                new Sitemap.Url("https://example.org/yoga", null),
                new Sitemap.Url("https://example.org/yoga/a?x=1&y=2", LocalDate.of(2024, 2, 29))));
        assertEquals(List.of(), SitemapSchema.errors(xml));
        assertTrue(xml.contains("<loc>https://example.org/yoga/a?x=1&amp;y=2</loc>"), xml);
        assertTrue(xml.contains("<lastmod>2024-02-29</lastmod>"), xml);
    }

    @Test
    void theSchemaCatchesAnInvalidSitemap() {
        String invalid = Sitemap.write(List.of(new Sitemap.Url("/relative", LocalDate.of(2026, 3, 1))))
                .replace("2026-03-01", "1 March 2026");
        assertFalse(SitemapSchema.errors(invalid).isEmpty(), "a relative address and a non-ISO date are refused");
    }
}
