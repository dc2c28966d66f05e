package org.veritycms.site;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MalformedRequestsTest {

    @Test
    void wellFormedEscapesOfUtf8Pass() {
        assertTrue(MalformedRequests.wellEncoded("/api/v1/pages/back-pain"));
        assertTrue(MalformedRequests.wellEncoded("q=back%20pain+relief&page=2"));
        assertTrue(MalformedRequests.wellEncoded("q=%C3%A9t%c3%a9"));
        assertTrue(MalformedRequests.wellEncoded("q=%E2%82%AC"));
    }

    @Test
    void aPercentSignWithoutTwoHexDigitsIsMalformed() {
        assertFalse(MalformedRequests.wellEncoded("q=%"));
        assertFalse(MalformedRequests.wellEncoded("q=%4"));
        assertFalse(MalformedRequests.wellEncoded("q=%zz"));
        assertFalse(MalformedRequests.wellEncoded("/a%2"));
        assertFalse(MalformedRequests.wellEncoded("q=%\u0661\u0662"));
    }

    @Test
    void escapesThatDoNotSpellUtf8AreMalformed() {
        assertFalse(MalformedRequests.wellEncoded("/api/v1/pages/%ff"));
        assertFalse(MalformedRequests.wellEncoded("q=%C3"));
        assertFalse(MalformedRequests.wellEncoded("q=%C0%AF"));
    }
}
