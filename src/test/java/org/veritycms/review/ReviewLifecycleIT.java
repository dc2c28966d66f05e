package org.veritycms.review;

import org.veritycms.page.ReviewStatus;
import org.veritycms.page.ReviewKind;
import org.veritycms.page.ReviewRecord;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.veritycms.account.Account;
import org.veritycms.account.AccountRepository;
import org.veritycms.account.Role;
import org.veritycms.notification.Notification;
import org.veritycms.notification.NotificationDispatcher;
import org.veritycms.notification.Outbox;
import org.veritycms.notification.SentMessageRetention;
import org.veritycms.page.Page;
import org.veritycms.page.PageStatus;
import org.veritycms.shared.ProblemException;
import org.veritycms.shared.VerityClock;
import org.veritycms.testing.Deployments;
import org.veritycms.testing.Http;
import org.veritycms.testing.Libraries;
import org.veritycms.testing.RefusingMailServer;
import org.veritycms.testing.Sessions;
import org.veritycms.testing.TestAccounts;

/**
 * One page and its video through the whole review ladder, by moving the clock a day at a time:
 * each reminder once, delivered to a real SMTP server; the public notice from day 30; 410 from
 * day 90; and a full review bringing the page back.
 */
@ExtendWith(ArquillianExtension.class)
class ReviewLifecycleIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.verity(Http.class, TestAccounts.class, ReviewFixtures.class, Sessions.class, RefusingMailServer.class)
                .addAsLibraries(Libraries.jar("greenmail-2"));
    }

    static final String RUN = Long.toString(System.currentTimeMillis() % 100_000_000L, 36);
    static final LocalDate DUE = LocalDate.of(2031, 6, 2);

    @Inject
    ReviewFixtures fixtures;

    @Inject
    TestAccounts testAccounts;

    @Inject
    AccountRepository accounts;

    @Inject
    ReviewScanner scanner;

    @Inject
    ReviewSignOff signOff;

    @Inject
    ReviewStatus status;

    @Inject
    NotificationDispatcher dispatcher;

    @Inject
    VerityClock clock;

    @Inject
    Outbox outbox;

    @Inject
    SentMessageRetention retention;

    GreenMail smtp;
    Set<String> publishedBefore;

    @BeforeEach
    void startMailServer() {
        smtp = new GreenMail(new ServerSetup(smtpPort(), "127.0.0.1", "smtp"));
        smtp.start();
        publishedBefore = fixtures.published();
    }

    @AfterEach
    void putTheWorldBack() {
        clock.release();
        fixtures.republish(publishedBefore);
        fixtures.archiveAllBut(publishedBefore);
        smtp.stop();
    }

    @Test
    void thePageWalksTheWholeLadderOnceAndAFullReviewBringsItBack() throws Exception {
        String ownerEmail = "owner-" + RUN + "@example.test";
        Account owner = testAccounts.createWithEmail(ownerEmail, Role.EDITOR);
        Account author = testAccounts.create(Role.AUTHOR, Role.CLINICAL_REVIEWER);
        Account reviewer = testAccounts.create(Role.CLINICAL_REVIEWER);
        String slug = "ladder-" + RUN;
        Page page = fixtures.publishedPage(slug, owner.username(), author.username(), DUE.plusYears(1), DUE);
        String url = "/exercise/" + slug;

        for (LocalDate day = DUE.minusDays(61); !day.isAfter(DUE.plusDays(90)); day = day.plusDays(1)) {
            clock.pin(day);
            scanner.scan();
            dispatcher.dispatch();
            if (day.equals(DUE.plusDays(29))) {
                assertFalse(Http.get(url).body().contains("overdue for review"), "no notice before day 30");
            }
            if (day.equals(DUE.plusDays(30))) {
                assertTrue(Http.get(url).body().contains("This page is overdue for review"), "notice from day 30");
            }
            if (day.equals(DUE.plusDays(89))) {
                assertEquals(200, Http.get(url).statusCode(), "still up on day 89");
            }
        }

        List<String> expected = List.of("D60", "D30", "D7", "D0", "W1", "ESCALATE", "W3", "W4", "NOTICE", "W5", "W6", "W7",
                "W8", "W9", "W10", "W11", "W12", "WITHDRAWN");
        assertEquals(expected, fixtures.stages(page.id()), "each stage once, in order");
        assertEquals(PageStatus.WITHDRAWN, fixtures.status(slug));
        assertEquals(410, Http.get(url).statusCode(), "withdrawn on day 90");

        scanner.scan();
        dispatcher.dispatch();
        assertEquals(expected, fixtures.stages(page.id()), "a re-run adds nothing");
        assertEquals(expected.size(), fixtures.notificationsTo(ownerEmail, "REVIEW_DIGEST"), "one digest per new stage");
        assertEquals(expected.size(), fixtures.sentTo(ownerEmail), "each digest sent");
        MimeMessage[] received = smtp.getReceivedMessages();
        long toOwner = Arrays.stream(received).filter(m -> recipients(m).contains(ownerEmail)).count();
        assertEquals(expected.size(), toOwner, "the SMTP server received each reminder once");

        assertThrows(ProblemException.class, () -> signOff.record(slug,
                new ReviewSignOff.Request(ReviewKind.FULL, 1, fixtures.mediaId(slug), 1, null, null, "PH1"),
                accounts.findById(author.id()).orElseThrow()), "no one reviews a revision they wrote");
        assertThrows(ProblemException.class, () -> signOff.record(slug,
                new ReviewSignOff.Request(ReviewKind.FULL, 1, fixtures.mediaId(slug), 1, null, null, "PH1"),
                accounts.findById(owner.id()).orElseThrow()), "an editor is not a clinical reviewer");

        ReviewRecord record = signOff.record(slug, new ReviewSignOff.Request(ReviewKind.FULL, 1, fixtures.mediaId(slug), 1,
                "Checked the video against current guidance.", null, "PH1"), accounts.findById(reviewer.id()).orElseThrow());
        assertEquals(1, record.revisionNumber());
        assertEquals(64, record.contentSha256().length());
        assertEquals(DUE.plusDays(90).plusMonths(24), record.nextReviewDue());
        assertEquals(PageStatus.PUBLISHED, fixtures.status(slug), "a full review restores the page");
        assertEquals(200, Http.get(url).statusCode());
        assertFalse(Http.get(url).body().contains("This page is overdue for review"));
    }

    @Test
    void theClockNotTheScanDecidesTheNoticeAndTheWithdrawal() {
        Account owner = testAccounts.create(Role.EDITOR);
        String slug = "clock-" + RUN;
        LocalDate due = DUE.plusMonths(3);
        fixtures.publishedPage(slug, owner.username(), "author", due, due.plusYears(1));
        String url = "/exercise/" + slug;
        clock.pin(due.plusDays(29));
        assertFalse(Http.get(url).body().contains("overdue for review"), "no notice on day 29");
        clock.pin(due.plusDays(30));
        String notice = notice(Http.get(url).body());
        assertTrue(notice.contains("This page is overdue for review"), "notice on day 30 though no scan ran");
        assertTrue(notice.contains("2 September 2031"), "the notice states the effective due date: " + notice);
        clock.pin(due.plusDays(89));
        assertEquals(200, Http.get(url).statusCode(), "still readable on day 89");
        clock.pin(due.plusDays(90));
        assertEquals(410, Http.get(url).statusCode(), "gone on day 90 whether or not the scan has run");
        assertEquals(410, Http.get("/api/v1/pages/" + slug, "application/json").statusCode());
        clock.pin(due.plusDays(91));
        assertEquals(410, Http.get(url).statusCode());
        assertEquals(PageStatus.PUBLISHED, fixtures.status(slug), "no job has run: the status waits, readers do not");
    }

    @Test
    void theNoticeNamesTheMediaItemThatMadeThePageOverdue() {
        Account owner = testAccounts.create(Role.EDITOR);
        String slug = "media-due-" + RUN;
        LocalDate mediaDue = DUE.plusMonths(5);
        fixtures.publishedPage(slug, owner.username(), "author", mediaDue.plusYears(1), mediaDue);
        clock.pin(mediaDue.plusDays(31));
        String notice = notice(Http.get("/exercise/" + slug).body());
        assertTrue(notice.contains("Ladder video") && notice.contains("2 November 2031"),
                "the video driving the date is named with its due date: " + notice);
    }

    @Test
    void aSignOffOfARevisionThatIsNoLongerLiveAnswers409AndRecordsNothing() {
        Account owner = testAccounts.create(Role.EDITOR);
        Account reviewer = testAccounts.create(Role.CLINICAL_REVIEWER);
        String slug = "stale-" + RUN;
        LocalDate today = clock.today();
        Page page = fixtures.publishedPage(slug, owner.username(), "author", today.plusYears(1), today.plusYears(1).plusMonths(1));
        int live = fixtures.importChangedBody(slug, "New advice.\n\n## When to get help\n\nCall 111.\n");
        assertEquals(2, live);
        int before = signOff.recordsOf(page.id()).size();
        ProblemException stale = assertThrows(ProblemException.class, () -> signOff.record(slug,
                new ReviewSignOff.Request(ReviewKind.FULL, 1, null, null, "Read revision 1", null, "PH1"),
                accounts.findById(reviewer.id()).orElseThrow()));
        assertEquals(409, stale.problem().status());
        assertEquals(before, signOff.recordsOf(page.id()).size(), "nothing recorded");
        ReviewRecord record = signOff.record(slug, new ReviewSignOff.Request(ReviewKind.FULL, 2, null, null,
                "Read revision 2", null, "PH1"), accounts.findById(reviewer.id()).orElseThrow());
        assertEquals(2, record.revisionNumber());
        assertEquals(64, record.contentSha256().length());
    }

    @Test
    void partialReviewIsLoggedAndMovesNoDate() {
        Account owner = testAccounts.create(Role.EDITOR);
        Account author = testAccounts.create(Role.AUTHOR);
        String slug = "partial-" + RUN;
        LocalDate due = clock.today().plusMonths(8);
        Page page = fixtures.publishedPage(slug, owner.username(), author.username(), due, due.plusMonths(1));
        ReviewRecord partial = signOff.record(slug, new ReviewSignOff.Request(ReviewKind.PARTIAL, 1, null, null,
                "Checked the first half.", null, null), accounts.findById(owner.id()).orElseThrow());
        assertEquals(null, partial.nextReviewDue());
        assertEquals(due, fixtures.nextDue(slug), "the page's own date is unchanged");
        assertEquals(1, signOff.recordsOf(page.id()).size());
    }

    @Test
    void operationsScreenShowsJobsOutboxAndForecastToEditorsOnly() {
        Account editor = testAccounts.create(Role.EDITOR);
        var screen = Http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(Http.base() + "/admin/operations"))
                .header("Cookie", "x=y").header("Authorization", TestAccounts.basic(editor)).build());
        assertEquals(303, screen.statusCode(), "a browser without a session is sent to sign in");
        var jobs = Http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(Http.base() + "/api/v1/jobs"))
                .header("Authorization", TestAccounts.basic(editor)).build());
        assertEquals(200, jobs.statusCode());
        assertTrue(jobs.body().contains("review-scan") && jobs.body().contains("notification-dispatch")
                && jobs.body().contains("scheduled-publishing") && jobs.body().contains("moderation-digest"), jobs.body());
        var signedIn = Sessions.get(Sessions.signIn(editor.username()), "/admin/operations");
        assertEquals(200, signedIn.statusCode());
        assertTrue(signedIn.body().contains("review-scan") && signedIn.body().contains("Mail outbox")
                && signedIn.body().contains("<svg"), "jobs, outbox and forecast chart");
        Account moderator = testAccounts.create(Role.MODERATOR);
        assertEquals(403, Http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(Http.base() + "/api/v1/jobs"))
                .header("Authorization", TestAccounts.basic(moderator)).build()).statusCode());
    }

    @Inject
    org.veritycms.page.ScheduledPublishing publishing;

    @Test
    void anExpiredPageLeavesTheSiteAtOnceAndTheJobArchivesIt() {
        Account owner = testAccounts.create(Role.EDITOR);
        String slug = "expiring-" + RUN;
        LocalDate today = clock.today();
        fixtures.publishedPage(slug, owner.username(), "author", today.plusYears(1), today.plusYears(1).plusMonths(1));
        assertEquals(200, Http.get("/exercise/" + slug).statusCode());
        fixtures.expireAt(slug, java.time.Instant.now().plusSeconds(3600));
        clock.pin(java.time.Instant.now().plusSeconds(7200));
        assertEquals(404, Http.get("/exercise/" + slug).statusCode(), "the read path honours expireAt before any job runs");
        assertTrue(publishing.run() >= 1);
        assertEquals(PageStatus.ARCHIVED, fixtures.status(slug));
    }

    @Test
    void aSentMessagesAddressIsErasedOnceTheRetentionPeriodHasPassed() {
        java.time.Instant sentAt = java.time.Instant.parse("2031-03-01T09:00:00Z");
        clock.pin(sentAt);
        outbox.enqueue("retention-sent-" + RUN, "TEST", "kept-" + RUN + "@example.test", "Subject " + RUN, "Body " + RUN);
        dispatcher.dispatch();
        outbox.enqueue("retention-pending-" + RUN, "TEST", "waiting-" + RUN + "@example.test", "Later " + RUN, "Body");
        assertEquals(Notification.Status.SENT, outbox.find("retention-sent-" + RUN).orElseThrow().status());

        clock.pin(sentAt.plus(java.time.Duration.ofDays(30)).minusSeconds(1));
        retention.eraseExpired();
        assertEquals("kept-" + RUN + "@example.test", outbox.find("retention-sent-" + RUN).orElseThrow().recipient(),
                "kept until the 30 days have passed");

        clock.pin(sentAt.plus(java.time.Duration.ofDays(30)).plusSeconds(1));
        assertTrue(retention.eraseExpired() >= 1);
        Notification erased = outbox.find("retention-sent-" + RUN).orElseThrow();
        assertEquals(SentMessageRetention.ERASED, erased.recipient());
        assertEquals("", erased.body());
        assertEquals("Subject " + RUN, erased.subject(), "what was sent, and when, stays on record");
        assertEquals(Notification.Status.SENT, erased.status());
        assertEquals("waiting-" + RUN + "@example.test", outbox.find("retention-pending-" + RUN).orElseThrow().recipient(),
                "a message not yet sent keeps its address");
        assertEquals(erased.id(), outbox.enqueue("retention-sent-" + RUN, "TEST", "again@example.test", "S", "B").id(),
                "the erased message still stops the same message being sent twice");
    }

    @Test
    void anHourWithoutTheMailServerLosesNoMessageAndSendsNoneTwice() {
        java.time.Instant down = java.time.Instant.parse("2031-05-01T09:00:00Z");
        String to = "outage-" + RUN + "@example.test";
        smtp.stop();
        clock.pin(down);
        outbox.enqueue("smtp-outage-" + RUN, "TEST", to, "Sent during the outage", "Body");
        for (int minute = 0; minute <= 60; minute++) {
            clock.pin(down.plus(java.time.Duration.ofMinutes(minute)));
            dispatcher.dispatch();
        }
        Notification waiting = outbox.find("smtp-outage-" + RUN).orElseThrow();
        assertEquals(Notification.Status.PENDING, waiting.status(), "still waiting after an hour: " + waiting.lastError());
        assertEquals(6, waiting.attempts(), "tried at 0, 1, 3, 7, 15 and 31 minutes, backing off");

        smtp = new GreenMail(new ServerSetup(smtpPort(), "127.0.0.1", "smtp"));
        smtp.start();
        for (int minute = 61; minute <= 130; minute++) {
            clock.pin(down.plus(java.time.Duration.ofMinutes(minute)));
            dispatcher.dispatch();
        }
        assertEquals(Notification.Status.SENT, outbox.find("smtp-outage-" + RUN).orElseThrow().status());
        assertEquals(1, Arrays.stream(smtp.getReceivedMessages()).filter(m -> recipients(m).contains(to)).count(),
                "sent once the server is back, and only once");
    }

    @Test
    void anAddressTheMailServerRefusesIsMarkedFailedAfterItsLastAttemptAndShownToOperators() throws Exception {
        java.time.Instant at = java.time.Instant.parse("2031-06-01T09:00:00Z");
        String to = "unknown-" + RUN + "@example.test";
        smtp.stop();
        try (RefusingMailServer refusing = new RefusingMailServer(smtpPort())) {
            clock.pin(at);
            outbox.enqueue("smtp-refused-" + RUN, "TEST", to, "Refused", "Body");
            for (int minute = 0; minute <= 10; minute++) {
                clock.pin(at.plus(java.time.Duration.ofMinutes(minute)));
                dispatcher.dispatch();
            }
        }
        Notification refused = outbox.find("smtp-refused-" + RUN).orElseThrow();
        assertEquals(Notification.Status.FAILED, refused.status());
        assertEquals(3, refused.attempts(), "a refusal for good is not retried for days");
        assertTrue(refused.lastError().contains("550"), refused.lastError());
        clock.release();
        Account admin = testAccounts.create(Role.ADMIN);
        String operations = Sessions.get(Sessions.signIn(admin.username()), "/admin/operations").body();
        assertTrue(operations.contains(to) && operations.contains("550"), "the operations screen shows the failed message");
    }

    private static int smtpPort() {
        return Integer.parseInt(System.getenv().getOrDefault("VERITY_MAIL_SMTP_PORT", "3025"));
    }

    /** The text of the public review notice, or "" when the page has none. */
    private static String notice(String html) {
        int start = html.indexOf("aria-labelledby=\"review-notice-title\"");
        return start < 0 ? "" : html.substring(start, html.indexOf("</div>", start));
    }

    private static String recipients(MimeMessage m) {
        try {
            return Arrays.toString(m.getAllRecipients());
        } catch (jakarta.mail.MessagingException e) {
            return "";
        }
    }
}
