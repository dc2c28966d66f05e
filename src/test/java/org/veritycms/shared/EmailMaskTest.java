package org.veritycms.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class EmailMaskTest {

    @Test
    void addressesKeepTheirFirstLettersAndEndingOnly() {
        assertEquals("s***@e***.org", EmailMask.masked("sam.reader@example.org"));
        assertEquals("a***@l***", EmailMask.masked("admins@localhost"));
        assertEquals("a***@e***.uk, b***@n***.uk", EmailMask.masked("a@example.co.uk, bob@nhs.uk"));
        assertEquals("***", EmailMask.masked("not-an-address"));
        assertNull(EmailMask.masked(null));
    }
}
