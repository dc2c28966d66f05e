package org.veritycms.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    final PasswordHasher hasher = new PasswordHasher();

    @Test
    void aPasswordMatchesItsOwnHashOnly() {
        String stored = hasher.hash("correct horse battery");
        assertTrue(stored.startsWith("pbkdf2-sha256$" + PasswordHasher.ITERATIONS + "$"), stored);
        assertTrue(hasher.matches("correct horse battery", stored));
        assertFalse(hasher.matches("correct horse batterY", stored));
        assertNotEquals(stored, hasher.hash("correct horse battery"), "a new salt each time");
    }

    @Test
    void theDecoyCostsARealCheckAndMatchesNothing() {
        String[] decoy = PasswordHasher.DECOY.split("\\$");
        String[] real = hasher.hash("correct horse battery").split("\\$");
        assertEquals(real.length, decoy.length);
        assertEquals(real[0], decoy[0]);
        assertEquals(real[1], decoy[1], "the same iterations as a stored password");
        assertEquals(real[2].length(), decoy[2].length(), "a salt of the same size");
        assertEquals(real[3].length(), decoy[3].length(), "a hash of the same size");
        assertFalse(hasher.matches("", PasswordHasher.DECOY));
        assertFalse(hasher.matches("decoy-password-never-used", PasswordHasher.DECOY));
    }

    @Test
    void malformedStoredHashesMatchNothing() {
        assertFalse(hasher.matches("anything at all", null));
        assertFalse(hasher.matches("anything at all", "plain-text"));
        assertFalse(hasher.matches("anything at all", "md5$1$aa$bb"));
    }
}
