package org.veritycms.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SlugTest {

    @ParameterizedTest
    @ValueSource(strings = {"yoga", "back-pain-2", "a"})
    void kebabCaseIsAccepted(String value) {
        assertEquals(value, new Slug(value).value());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Yoga", "back--pain", "-yoga", "yoga-", "back pain", "../etc", "yóga"})
    void anythingElseIsRefused(String value) {
        assertThrows(IllegalArgumentException.class, () -> new Slug(value));
    }
}
