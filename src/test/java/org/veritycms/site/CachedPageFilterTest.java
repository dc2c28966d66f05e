package org.veritycms.site;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CachedPageFilterTest {

    @Test
    void pathsOfGuidancePagesAreTheSlugsTheSiteResourceServes() {
        assertTrue(CachedPageFilter.isSlug("/lower-back-pain", 1, 16));
        assertTrue(CachedPageFilter.isSlug("/a1", 1, 3));
        for (String bad : new String[] {"/", "/-a", "/a-", "/a--b", "/A", "/a_b", "/a.b", "/a%20b"}) {
            assertFalse(CachedPageFilter.isSlug(bad, 1, bad.length()), bad);
        }
    }
}
