package org.veritycms.media;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CaptionTextTest {

    @Test
    void keepsCueWordsOnlyWithoutHeaderNotesTimingsOrTags() {
        assertEquals("Lie on your back.\nBend your knees.", CaptionText.of(new String(SampleFiles.vtt(), StandardCharsets.UTF_8)));
    }
}
