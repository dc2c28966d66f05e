package org.veritycms.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.veritycms.account.Account;
import org.veritycms.account.Role;
import org.veritycms.page.Page;
import org.veritycms.rating.RatingService;
import org.veritycms.rating.Stars;
import org.veritycms.scheduling.JobInterrupted;
import org.veritycms.scheduling.JobRun;
import org.veritycms.scheduling.JobRuns;
import org.veritycms.shared.VerityClock;
import org.veritycms.testing.Deployments;
import org.veritycms.testing.Http;
import org.veritycms.testing.Sessions;
import org.veritycms.testing.TestAccounts;

/**
 * Faults that used to survive: two scans at once, a scan stopped half-way, a vote rolled back
 * after flagging its page, a change that lost a race. On H2 and on PostgreSQL.
 */
@ExtendWith(ArquillianExtension.class)
class FaultsIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.verity(Http.class, TestAccounts.class, ReviewFixtures.class, Sessions.class, ScanInterruption.class,
                ConflictProbe.class, ConflictProbe.StaleWrite.class, ConflictProbe.ConcurrentWrite.class);
    }

    static final String RUN = Long.toString(System.currentTimeMillis() % 100_000_000L, 36);

    @Inject
    ReviewFixtures fixtures;

    @Inject
    TestAccounts accounts;

    @Inject
    ReviewScanner scanner;

    @Inject
    ReviewDashboard dashboard;

    @Inject
    ScanInterruption interruption;

    @Inject
    JobRuns runs;

    @Inject
    RatingService ratings;

    @Inject
    VerityClock clock;

    @Inject
    UserTransaction tx;

    @PersistenceContext(unitName = "verity")
    EntityManager em;

    Set<String> publishedBefore;

    @BeforeEach
    void remember() {
        publishedBefore = fixtures.published();
    }

    @AfterEach
    void putTheWorldBack() {
        interruption.disarm();
        clock.release();
        fixtures.republish(publishedBefore);
        fixtures.archiveAllBut(publishedBefore);
    }

    @Test
    void twoScansStartedAtOnceSendEachReminderOnceAndNeitherFails() throws Exception {
        String email = "race-" + RUN + "@example.test";
        Account owner = accounts.createWithEmail(email, Role.EDITOR);
        Account admin = accounts.create(Role.ADMIN);
        LocalDate due = LocalDate.of(2033, 3, 15);
        List<Page> pages = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            pages.add(fixtures.publishedPage("race-" + i + "-" + RUN, owner.username(), "author", due, due.plusYears(1)));
        }
        ExecutorService threads = Executors.newFixedThreadPool(3);
        try {
            for (LocalDate day : List.of(due.minusDays(60), due.minusDays(30))) {
                clock.pin(day);
                CountDownLatch start = new CountDownLatch(1);
                Callable<Integer> overHttp = () -> {
                    start.await();
                    return Http.post("/api/v1/reviews/scan", "application/json", "", "Authorization", TestAccounts.basic(admin),
                            "Accept", "application/json").statusCode();
                };
                Callable<Integer> direct = () -> {
                    start.await();
                    scanner.scan();
                    return 200;
                };
                List<Future<Integer>> scans = List.of(threads.submit(overHttp), threads.submit(overHttp), threads.submit(direct));
                start.countDown();
                for (Future<Integer> scan : scans) {
                    assertEquals(200, scan.get(), "every scan succeeds on " + day);
                }
            }
        } finally {
            threads.shutdownNow();
        }
        for (Page page : pages) {
            assertEquals(List.of("D60", "D30"), fixtures.stages(page.id()), "each stage once for " + page.slug());
        }
        assertEquals(2, fixtures.notificationsTo(email, "REVIEW_DIGEST"), "one digest a day, not one a scan");
        assertEquals(0L, unsentReminders(owner.username()), "every reminder is in a digest");
        assertEquals(60L, em.createQuery("select count(r) from ReviewReminder r where r.owner = :o and r.notificationId in"
                + " (select n.id from Notification n where n.recipient = :e)", Long.class)
                .setParameter("o", owner.username()).setParameter("e", email).getSingleResult(), "each reminder in one digest");
    }

    @Test
    void aScanStoppedHalfWayIsFinishedByTheNextRunWithNoDuplicateAndNoGap() {
        String email = "resume-" + RUN + "@example.test";
        Account owner = accounts.createWithEmail(email, Role.EDITOR);
        LocalDate due = LocalDate.of(2033, 9, 20);
        List<Page> pages = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            pages.add(fixtures.publishedPage("resume-" + i + "-" + RUN, owner.username(), "author", due, due.plusYears(1)));
        }
        clock.pin(due.minusDays(7));
        interruption.arm();
        JobInterrupted stopped = assertThrows(JobInterrupted.class,
                () -> runs.run(ReviewScanJob.NAME, () -> scanner.scan(2).remindersQueued()));
        JobRun partial = runs.last(ReviewScanJob.NAME).orElseThrow();
        assertEquals(JobRun.Outcome.FAILED, partial.outcome());
        assertTrue(partial.message().contains("stopped in chunk") && partial.message().contains("a new run finishes the rest"),
                partial.message());
        assertEquals(stopped.itemsDone(), partial.items(), "the record counts what the stopped run committed");
        assertTrue(partial.items() >= 2, "the chunks before the failure were kept: " + partial.message());
        // the newest pages fill the last chunks: the one before last failed and the last never ran
        long done = pages.stream().filter(p -> !fixtures.stages(p.id()).isEmpty()).count();
        assertTrue(done >= 2 && done <= 3, done + " of the test's pages were done before the failure");
        for (int i = 0; i < pages.size(); i++) {
            assertEquals(i < done ? List.of("D7") : List.of(), fixtures.stages(pages.get(i).id()), "page " + i + " after the stop");
        }
        assertEquals(0, fixtures.notificationsTo(email, "REVIEW_DIGEST"), "no digest from a stopped run");

        interruption.disarm();
        long gap = pages.size() - done;
        assertTrue(scanner.scan(2).remindersQueued() >= gap, "the second run adds the gap of " + gap);
        for (Page page : pages) {
            assertEquals(List.of("D7"), fixtures.stages(page.id()), "one reminder, no gap, for " + page.slug());
        }
        assertEquals(1, fixtures.notificationsTo(email, "REVIEW_DIGEST"));
        assertEquals(0L, unsentReminders(owner.username()));
        scanner.scan(2);
        assertEquals(1, fixtures.notificationsTo(email, "REVIEW_DIGEST"), "a third run adds nothing");
    }

    @Test
    void aRolledBackVoteLeavesNoFlagAndACommittedOneShowsOnTheDashboardWithTheReadersReason() throws Exception {
        Account owner = accounts.createWithEmail("flag-" + RUN + "@example.test", Role.EDITOR);
        String slug = "flagged-" + RUN;
        LocalDate today = clock.today();
        Page page = fixtures.publishedPage(slug, owner.username(), "author", today.plusYears(1), today.plusYears(2));
        String crowded = "one-address-" + RUN;
        Page oneAddress = fixtures.publishedPage(crowded, owner.username(), "author", today.plusYears(1), today.plusYears(2));
        for (int i = 0; i < 25; i++) {
            ratings.rate(crowded, new RatingService.Voter("same-place-" + i + "-" + RUN, "one-address-" + RUN), new Stars(1), null);
        }

        tx.begin();
        for (int i = 0; i < 20; i++) {
            ratings.rate(slug, new RatingService.Voter("rolled-back-" + i + "-" + RUN, "address-" + i + "-" + RUN), new Stars(1),
                    "Wrong dose " + i);
        }
        assertEquals(0L, flags(page.id()), "votes are checked once they have committed, not in their transaction");
        tx.rollback();

        for (int i = 0; i < 20; i++) {
            ratings.rate(slug, new RatingService.Voter("reader-" + i + "-" + RUN, "address-" + i + "-" + RUN),
                    new Stars(i % 5 == 0 ? 4 : 2), i % 5 == 0 ? null : "The dose is out of date " + i);
        }
        Instant until = Instant.now().plusSeconds(10);
        while (flags(page.id()) == 0 && Instant.now().isBefore(until)) {
            Thread.sleep(50);
        }
        assertEquals(1L, flags(page.id()), "the committed votes flag the page a moment later");
        assertEquals(0L, flags(oneAddress.id()), "25 readers' low votes from one address, checked at an earlier look, are one voice");
        assertEquals(1, fixtures.notificationsTo(owner.email(), "RATING_FLAG"), "the owner is told once");
        var flag = dashboard.view().flaggedByReaders().stream().filter(f -> f.slug().equals(slug)).findFirst().orElseThrow();
        assertEquals(80, flag.lowSharePercent(), "the rolled-back votes are not counted");
        assertEquals("The dose is out of date 19", flag.reason(), "the latest reader's reason when the flag was raised, not a rolled-back one's");
        Account editor = accounts.create(Role.EDITOR);
        String screen = Sessions.get(Sessions.signIn(editor.username()), "/admin").body();
        assertTrue(screen.contains("Flagged by readers") && screen.contains("The dose is out of date 19"), "the admin dashboard shows it");
    }

    @Test
    void aChangeThatLostARaceAnswers409ProblemJsonAndAThemedPageNever500() {
        Account owner = accounts.create(Role.EDITOR);
        String slug = "race-lost-" + RUN;
        LocalDate today = clock.today();
        fixtures.publishedPage(slug, owner.username(), "author", today.plusYears(1), today.plusYears(2));
        HttpResponse<String> api = Http.post("/test-conflicts/" + slug, "application/json", "", "Accept", "application/json");
        assertEquals(409, api.statusCode(), api.body());
        assertTrue(api.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertTrue(api.body().contains("problem:concurrent-change\"") && api.body().contains("errorId"), api.body());
        assertFalse(api.body().contains("Exception") || api.body().contains("org.hibernate"), "no insides shown: " + api.body());
        HttpResponse<String> browser = Http.post("/test-conflicts/" + slug, "application/json", "", "Accept", "text/html");
        assertEquals(409, browser.statusCode());
        assertTrue(browser.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertTrue(browser.body().contains("Changed at the same moment") && browser.body().contains("<html"), browser.body());
    }

    private long flags(long pageId) {
        return ((Number) em.createNativeQuery("select count(*) from rating_flag where page_id = ?1").setParameter(1, pageId)
                .getSingleResult()).longValue();
    }

    private long unsentReminders(String owner) {
        return em.createQuery("select count(r) from ReviewReminder r where r.owner = :o and r.notificationId is null", Long.class)
                .setParameter("o", owner).getSingleResult();
    }
}
