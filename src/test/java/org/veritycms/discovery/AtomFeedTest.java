package org.veritycms.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.veritycms.testing.AtomSchema;

class AtomFeedTest {

    static final AtomFeed.Head HEAD = new AtomFeed.Head("https://example.org/feed.atom", "https://example.org/",
            "Verity: recently reviewed and updated pages", "Pages just reviewed.", "Verity", Instant.parse("2026-03-02T09:00:00Z"));

    @Test
    void aFeedOfReviewedAndUpdatedPagesIsValidAtom() {
        String xml = AtomFeed.write(HEAD, List.of(
                new AtomFeed.Entry("https://example.org/yoga/a#reviewed-2026-03-02", "Gentle <yoga> & you",
                        "https://example.org/yoga/a", Instant.parse("2026-03-02T09:00:00Z"),
                        "Reviewed on 2 March 2026 by A Clinician, Physiotherapist.\n\nSlow poses.", "Yoga"),
                new AtomFeed.Entry("https://example.org/yoga/b#updated-2026-02-01", "Breathing", "https://example.org/yoga/b",
                        Instant.parse("2026-02-01T12:30:00Z"), "Updated on 1 February 2026: clearer steps", null)));
        assertEquals(List.of(), AtomSchema.errors(xml), xml);
        assertTrue(xml.contains("<id>https://example.org/yoga/a#reviewed-2026-03-02</id>"), xml);
        assertTrue(xml.contains("Gentle &lt;yoga&gt; &amp; you"), xml);
        assertTrue(xml.contains("Reviewed on 2 March 2026 by A Clinician"), xml);
        assertTrue(xml.contains("rel=\"self\""), xml);
        assertTrue(xml.contains("<name>Verity</name>"), "the feed's author is a person construct: " + xml);
        assertFalse(xml.contains("dc:creator"), xml);
    }

    @Test
    void controlCharactersInATitleCannotBreakTheFeed() {
        String xml = AtomFeed.write(HEAD, List.of(new AtomFeed.Entry("https://example.org/yoga/c#updated", "Bell\u0007 and NUL\u0000 title",
                "https://example.org/yoga/c", Instant.parse("2026-02-01T12:30:00Z"), "Escape \u001b here", null)));
        assertEquals(List.of(), AtomSchema.errors(xml), xml);
        assertTrue(xml.contains("Bell and NUL title"), xml);
    }

    @Test
    void anEmptyFeedIsValidToo() {
        assertEquals(List.of(), AtomSchema.errors(AtomFeed.write(HEAD, List.of())));
    }

    @Test
    void theSchemaCatchesAnEntryWithoutAnId() {
        String xml = AtomFeed.write(HEAD, List.of(new AtomFeed.Entry("urn:x", "T", "https://example.org/t",
                Instant.parse("2026-02-01T12:30:00Z"), "Updated", null))).replaceAll("<id>urn:x</id>", "");
        assertFalse(AtomSchema.errors(xml).isEmpty(), xml);
    }
}
