package org.veritycms.shared;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PlainTextTest {

    @Test
    void controlCharactersAreRefusedAndLineBreaksOnlyWhereTheTextMayHaveLines() {
        assertTrue(PlainText.Validator.isPlain("Knee pain \u2013 what to do \u2713", false));
        assertFalse(PlainText.Validator.isPlain("Title\u0007", false));
        assertFalse(PlainText.Validator.isPlain("NUL\u0000", true));
        assertFalse(PlainText.Validator.isPlain("C1 \u0085 control", true));
        assertFalse(PlainText.Validator.isPlain("two\nlines", false));
        assertTrue(PlainText.Validator.isPlain("two\r\nlines\tand a tab", true));
    }
}
