package org.veritycms.moderation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PersonalDataScreenTest {

    final PersonalDataScreen screen = new PersonalDataScreen();

    Verdict screen(String body) {
        return screen.screen(Submission.of("Jo", body, Duration.ofMinutes(1)));
    }

    @Test
    void anEmailAddressIsHeld() {
        Verdict verdict = screen("Write to me at jo.bloggs+physio@example.co.uk for my notes");
        assertEquals(Verdict.Outcome.FLAG, verdict.outcome());
        assertEquals("Contains what looks like an e-mail address.", verdict.reason());
    }

    @Test
    void ukPhoneNumbersInTheirUsualShapesAreHeld() {
        for (String number : new String[] {"07700 900123", "07700900123", "+44 7700 900123", "(020) 7946 0018",
                "0161-496-0000"}) {
            Verdict verdict = screen("Call me on " + number + " any time");
            assertEquals(Verdict.Outcome.FLAG, verdict.outcome(), number);
            assertEquals("Contains what looks like a phone number.", verdict.reason(), number);
        }
    }

    @Test
    void aValidNhsNumberIsHeld() {
        Verdict verdict = screen("My NHS number is 943 476 5919, can someone check my record?");
        assertEquals(Verdict.Outcome.FLAG, verdict.outcome());
        assertEquals("Contains what looks like an NHS number.", verdict.reason());
    }

    @Test
    void nhsNumbersAreRecognisedByTheirCheckDigit() {
        assertTrue(PersonalDataScreen.isNhsNumber("9434765919"));
        assertFalse(PersonalDataScreen.isNhsNumber("9434765918"));
    }

    @Test
    void ordinaryNumbersPass() {
        assertEquals(Verdict.Outcome.PASS, screen("I did 3 sets of 10 reps for 12 weeks; call 111 or 999 if worse."
                + " Samaritans: 116 123. Price 1,250,000.").outcome());
    }

    @Test
    void theNameIsCheckedToo() {
        assertEquals(Verdict.Outcome.FLAG, screen.screen(Submission.of("jo@example.org", "Hello",
                Duration.ofMinutes(1))).outcome());
    }
}
