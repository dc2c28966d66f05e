package org.veritycms.subscription;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.veritycms.notification.NotificationDispatcher;
import org.veritycms.shared.VerityClock;
import org.veritycms.testing.Browser;
import org.veritycms.testing.Deployments;
import org.veritycms.testing.FindablePages;
import org.veritycms.testing.Http;
import org.veritycms.testing.Libraries;
import org.veritycms.testing.SubscriptionProbe;
import org.veritycms.testing.TestLibraries;
import org.veritycms.testing.TestAddresses;
import org.veritycms.testing.TestReaders;

/**
 * Following a topic by e-mail against a real SMTP server: ask, confirm from the link in the mail,
 * receive the monthly digest, and leave with one click; nothing kept or sent for an address that
 * was never confirmed.
 */
@ExtendWith(ArquillianExtension.class)
class TopicUpdatesIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.verity(Http.class, FindablePages.class, SubscriptionProbe.class, Browser.class, TestReaders.class, TestAddresses.class)
                .addAsLibraries(Libraries.jar("greenmail-2"), TestLibraries.jarOf(Jsoup.class));
    }

    static final String RUN = Long.toString(System.nanoTime() % 1_000_000_000L, 36);

    @Inject
    FindablePages pages;

    @Inject
    SubscriptionProbe probe;

    @Inject
    TopicUpdates updates;

    @Inject
    TopicDigests digests;

    @Inject
    NotificationDispatcher dispatcher;

    @Inject
    VerityClock clock;

    GreenMail smtp;

    @BeforeEach
    void startMailServer() {
        smtp = new GreenMail(new ServerSetup(Integer.parseInt(System.getenv().getOrDefault("VERITY_MAIL_SMTP_PORT", "3025")), "127.0.0.1", "smtp"));
        smtp.start();
    }

    @AfterEach
    void stopMailServerAndClock() {
        clock.release();
        smtp.stop();
    }

    @Test
    void aReaderAsksConfirmsGetsTheMonthlyDigestAndLeavesWithOneClick() throws Exception {
        String topic = "updates-" + RUN;
        String reader = "reader-" + RUN + "@example.test";
        String stranger = "stranger-" + RUN + "@example.test";
        clock.pin(LocalDate.of(2031, 3, 10));
        pages.publishIn(topic, "digested-" + RUN, "Digested page " + RUN, "breathing", LocalDate.of(2031, 3, 10));

        Browser browser = Browser.open("/subscribe?topic=" + topic);
        assertEquals(303, browser.post("/subscribe", "email", reader, "topic", topic).statusCode());
        assertEquals(303, browser.post("/subscribe", "email", stranger, "topic", topic).statusCode());
        assertEquals(0, probe.subscriptions(reader), "nothing is stored before the reader confirms");
        dispatcher.dispatch();
        String confirmLink = linkIn(only(mailTo(reader)), "/subscribe/confirm?token=");
        updates.forgetConfirmationMails();
        assertEquals(0, probe.outboxMessagesTo(reader), "the sent confirmation leaves the outbox");
        assertEquals(0, probe.outboxMessagesTo(stranger), "and with it the unconfirmed address");

        HttpResponse<String> confirmPage = browser.get(confirmLink);
        assertEquals(200, confirmPage.statusCode());
        assertEquals(0, probe.subscriptions(reader), "opening the link alone confirms nothing");
        String token = Jsoup.parse(confirmPage.body()).selectFirst("form[action=/subscribe/confirm] input[name=token]").val();
        HttpResponse<String> confirmed = browser.post("/subscribe/confirm", "token", token);
        assertEquals(303, confirmed.statusCode());
        assertEquals("/subscribe/confirmed?topic=" + topic, confirmed.headers().firstValue("Location").orElseThrow()
                .replaceFirst("^https?://[^/]+", ""));
        assertEquals(1, probe.subscriptions(reader));
        assertEquals(0, probe.subscriptions(stranger));

        clock.pin(LocalDate.of(2031, 4, 2));
        assertEquals(1, digests.send(digests.lastMonth()), "one confirmed reader in the topic");
        digests.send(digests.lastMonth());
        dispatcher.dispatch();
        MimeMessage digest = only(mailTo(reader).stream().filter(m -> subject(m).contains("March 2031")).toList());
        String body = ((String) digest.getContent()).replace("\r\n", "\n");
        assertTrue(body.contains("Digested page " + RUN + "\nReviewed on 10 March 2031 by Dr Test, Physiotherapist. Next review due"), body);
        String unsubscribe = digest.getHeader("List-Unsubscribe", null);
        assertTrue(unsubscribe.startsWith("<http://localhost:8080/api/v1/subscriptions/unsubscribe?token="), unsubscribe);
        assertEquals("List-Unsubscribe=One-Click", digest.getHeader("List-Unsubscribe-Post", null));
        assertTrue(body.contains("Unsubscribe: " + unsubscribe.substring(1, unsubscribe.length() - 1)), "the link is in the body too");
        assertEquals(1, mailTo(stranger).size(), "the unconfirmed address got its confirmation link and nothing else");

        String oneClick = unsubscribe.substring(1, unsubscribe.length() - 1).replaceFirst("^https?://[^/]+", "");
        HttpResponse<String> opened = Http.get(oneClick);
        assertEquals(303, opened.statusCode(), "a browser (or a link scanner) opening the link is only shown the button");
        assertEquals(1, probe.subscriptions(reader));
        HttpResponse<String> clicked = Http.post(oneClick, "application/x-www-form-urlencoded", "List-Unsubscribe=One-Click");
        assertEquals(200, clicked.statusCode(), clicked.body());
        assertEquals(0, probe.subscriptions(reader), "one click, and the subscription is gone");

        clock.pin(LocalDate.of(2031, 4, 20));
        pages.publishIn(topic, "later-" + RUN, "Later page " + RUN, "breathing", LocalDate.of(2031, 4, 20));
        clock.pin(LocalDate.of(2031, 5, 2));
        assertEquals(0, digests.send(digests.lastMonth()), "no more digests for the reader who left");
    }

    @Test
    void theFormRefusesBadInputAndOldOrForgedLinksChangeNothing() {
        String topic = "updates-form-" + RUN;
        pages.publishIn(topic, "form-page-" + RUN, "Form page " + RUN, "words", LocalDate.now(clock).minusDays(1));
        Browser browser = Browser.open("/subscribe?topic=" + topic);
        HttpResponse<String> bad = browser.post("/subscribe", "email", "not an address", "topic", topic);
        assertEquals(400, bad.statusCode());
        assertEquals("#subscribe-email", Jsoup.parse(bad.body()).selectFirst("[role=alert] a").attr("href"));
        assertEquals(403, Http.post("/subscribe", "application/x-www-form-urlencoded",
                "email=x%40example.test&topic=" + topic, "Origin", "https://evil.example").statusCode(),
                "a form another site sends gets no e-mail sent");

        String flooded = "flooded-" + RUN + "@example.test";
        for (int i = 0; i < 3; i++) {
            assertEquals(303, browser.post("/subscribe", "email", flooded, "topic", topic).statusCode());
        }
        HttpResponse<String> fourth = browser.post("/subscribe", "email", flooded.toUpperCase(), "topic", topic);
        assertEquals(429, fourth.statusCode(), "three confirmation e-mails per address and window, however it is written");
        assertTrue(fourth.headers().firstValue("Retry-After").isPresent());

        String email = EmailAddress.parse("late-" + RUN + "@example.test").orElseThrow().value();
        clock.pin(LocalDate.of(2031, 6, 1));
        browser.post("/subscribe", "email", email, "topic", topic);
        dispatcher.dispatch();
        String link = linkIn(only(mailTo(email)), "/subscribe/confirm?token=");
        clock.pin(LocalDate.of(2031, 6, 3));
        HttpResponse<String> expired = browser.get(link);
        assertEquals(400, expired.statusCode());
        assertTrue(expired.body().contains("This link has expired"), expired.body());
        String token = link.substring(link.indexOf("token=") + 6);
        assertEquals(400, browser.post("/subscribe/confirm", "token", token).statusCode());
        assertEquals(400, browser.get("/subscribe/confirm?token=forged." + token).statusCode());
        assertEquals(400, browser.get("/unsubscribe?token=1.forged").statusCode());
        assertEquals(200, Http.post("/api/v1/subscriptions/unsubscribe?token=1.forged", "application/x-www-form-urlencoded",
                "List-Unsubscribe=One-Click").statusCode(), "a forged one-click link answers like any other and removes nothing");
        assertEquals(0, probe.subscriptions(email));
    }

    private List<MimeMessage> mailTo(String address) {
        smtp.waitForIncomingEmail(5000, 1);
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> recipients(m).contains(address)).toList();
    }

    private static MimeMessage only(List<MimeMessage> messages) {
        assertEquals(1, messages.size(), "exactly one message");
        return messages.get(0);
    }

    /** The path and query of the link in the message that starts with {@code prefix}. */
    private static String linkIn(MimeMessage message, String prefix) {
        try {
            String body = (String) message.getContent();
            int at = body.indexOf(prefix);
            assertFalse(at < 0, body);
            return body.substring(at).lines().findFirst().orElseThrow().strip();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            return "";
        }
    }

    private static String recipients(MimeMessage message) {
        try {
            return Arrays.toString(message.getRecipients(Message.RecipientType.TO));
        } catch (jakarta.mail.MessagingException e) {
            return "";
        }
    }
}
