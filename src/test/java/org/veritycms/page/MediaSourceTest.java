package org.veritycms.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MediaSourceTest {

    @Test
    void anImageNeedsAltTextUnlessItIsMarkedDecorative() {
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> new MediaSource(MediaKind.IMAGE, "Mat", "/media/mat.jpg", " ", null));
        assertTrue(missing.getMessage().contains("needs alt text, or to be marked decorative"), missing.getMessage());

        MediaSource decorative = new MediaSource(MediaKind.IMAGE, "Mat", "/media/mat.jpg", null, null, true);
        assertTrue(decorative.decorative());
        assertNull(decorative.altText());
    }

    @Test
    void aDecorativeImageTakesNoAltTextAndOnlyImagesAreDecorative() {
        assertThrows(IllegalArgumentException.class,
                () -> new MediaSource(MediaKind.IMAGE, "Mat", "/media/mat.jpg", "A yoga mat", null, true));
        assertThrows(IllegalArgumentException.class,
                () -> new MediaSource(MediaKind.VIDEO, "Cat-cow", "/media/cat.mp4", null, "Kneel on all fours.", true));
    }

    @Test
    void beingDecorativeIsPartOfTheSignedContentWhileOtherItemsKeepTheirHash() {
        MediaSource described = new MediaSource(MediaKind.IMAGE, "Mat", "/media/mat.jpg", "A yoga mat", null);
        MediaSource decorative = new MediaSource(MediaKind.IMAGE, "Mat", "/media/mat.jpg", null, null, true);
        assertNotEquals(PageDocument.mediaHash(described), PageDocument.mediaHash(decorative));
        // an item that is not decorative is written as before the flag existed: signed hashes still match
        assertEquals(Map.of("kind", "IMAGE", "title", "Mat", "src", "/media/mat.jpg", "alt", "A yoga mat"),
                PageDocument.mediaContent(described));
        assertEquals(true, PageDocument.mediaContent(decorative).get("decorative"));
    }

    @Test
    void aDecorativeImageSurvivesTheDocumentRoundTrip() {
        MediaSource decorative = new MediaSource(MediaKind.IMAGE, "Mat", "/media/mat.jpg", null, null, true);
        PageSource source = new PageSource("Title", "Summary.", "Body.\n\n## When to get help\n\nCall 111.\n", RiskTier.LOW,
                "team", CommentPolicy.CLOSED, List.of(), List.of(), List.of(decorative));
        assertEquals(List.of(decorative), PageDocument.read(PageDocument.canonical(source)).media());
    }
}
