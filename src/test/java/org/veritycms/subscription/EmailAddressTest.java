package org.veritycms.subscription;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EmailAddressTest {

    @Test
    void addressesAreTrimmedAndLowerCased() {
        assertEquals("reader.one+yoga@example.co.uk", EmailAddress.parse("  Reader.One+Yoga@Example.CO.uk ").orElseThrow().value());
    }

    @Test
    void thingsThatAreNotAddressesAreRefused() {
        for (String bad : new String[] {null, "", "reader", "reader@", "@example.org", "a b@example.org", "reader@example",
                "reader@-example.org", "<script>@example.org", "reader@example.org\nBcc: x@example.org",
                "a".repeat(250) + "@example.org"}) {
            assertTrue(EmailAddress.parse(bad).isEmpty(), String.valueOf(bad));
        }
    }
}
