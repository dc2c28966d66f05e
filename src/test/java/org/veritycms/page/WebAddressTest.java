package org.veritycms.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Sources and media link only http(s) addresses and paths on the site: nothing that runs or hides a host. */
class WebAddressTest {

    @Test
    void webAddressesAndSitePathsAreAllowed() {
        assertTrue(WebAddress.isAllowed("https://www.example.org/guideline?a=1&b=2#part"));
        assertTrue(WebAddress.isAllowed("HTTP://example.org"));
        assertTrue(WebAddress.isAllowed("/media/child.svg"));
    }

    @Test
    void scriptsDataProtocolRelativeAndHostlessAddressesAreNot() {
        for (String bad : new String[] {"javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html,<script>", "//evil.example/x",
                "/\\\\evil.example", "vbscript:x", "https://", "https:///path", "media/x.mp4", "https://a.example/ b", ""}) {
            assertFalse(WebAddress.isAllowed(bad), bad);
        }
    }

    @Test
    void theDomainRefusesThemWhateverTheCaller() {
        assertThrows(IllegalArgumentException.class, () -> new Evidence("Source", "javascript:alert(1)", null, LocalDate.of(2026, 1, 1)));
        assertThrows(IllegalArgumentException.class, () -> new MediaSource(MediaKind.IMAGE, "I", "data:image/svg+xml,<svg/>", "alt", null));
        assertEquals("/media/i.svg", new MediaSource(MediaKind.IMAGE, "I", " /media/i.svg ", "alt", null).src());
    }
}
