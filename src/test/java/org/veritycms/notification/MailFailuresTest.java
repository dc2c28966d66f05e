package org.veritycms.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import java.net.ConnectException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

public class MailFailuresTest {

    /** What the SMTP transport throws for a recipient the server refuses: an exception carrying its reply code. */
    public static class SmtpReply extends MessagingException {
        private static final long serialVersionUID = 1L;
        private final int code;

        public SmtpReply(int code, String text) {
            super(code + " " + text);
            this.code = code;
        }

        public int getReturnCode() {
            return code;
        }
    }

    static final Instant T = Instant.parse("2030-01-01T00:00:00Z");

    @Test
    void aFiveHundredReplyOrABadAddressIsARefusalAndADownServerIsNot() {
        SendFailedException unknownUser = new SendFailedException("Invalid Addresses", new SmtpReply(550, "5.1.1 user unknown"));
        assertTrue(MailSender.isRefusal(unknownUser));
        assertEquals("Invalid Addresses; 550 5.1.1 user unknown", MailSender.reason(unknownUser));
        assertTrue(MailSender.isRefusal(new AddressException("Missing final '@domain'")));
        assertFalse(MailSender.isRefusal(new SendFailedException("Try later", new SmtpReply(451, "4.3.0 busy"))));
        assertFalse(MailSender.isRefusal(new MessagingException("Couldn't connect to host", new ConnectException("Connection refused"))));
    }

    @Test
    void aDownServerIsWaitedForAboutThreeDaysWithBackOffAndARefusalEndsAfterThreeAttempts() {
        Notification waiting = new Notification("k", "TEST", "a@example.test", "S", "B", T);
        Instant now = T;
        for (int i = 1; i < Notification.MAX_ATTEMPTS; i++) {
            waiting.failed("Connection refused", false, now);
            assertEquals(Notification.Status.PENDING, waiting.status(), "attempt " + i);
            now = waiting.nextAttemptAt();
        }
        assertTrue(Duration.between(T, now).toHours() >= 60, "retried for " + Duration.between(T, now).toHours() + " h");
        waiting.failed("Connection refused", false, now);
        assertEquals(Notification.Status.FAILED, waiting.status());

        Notification refused = new Notification("r", "TEST", "b@example.test", "S", "B", T);
        refused.failed("550 user unknown", true, T);
        refused.failed("550 user unknown", true, refused.nextAttemptAt());
        assertEquals(Notification.Status.PENDING, refused.status());
        refused.failed("550 user unknown", true, refused.nextAttemptAt());
        assertEquals(Notification.Status.FAILED, refused.status());
    }
}
