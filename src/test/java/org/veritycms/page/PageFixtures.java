package org.veritycms.page;

import java.lang.reflect.Field;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Pages taken through their life-cycle in memory, for unit tests, the way the catalogue and the
 * workflow do it: a draft with its first revision, submitted, approved by a clinical reviewer
 * (a FULL review pinned to the revision) and published. The revisions made are kept, so tests can
 * check hashes and four-eyes rules against them.
 */
public final class PageFixtures {

    /** A page and the revisions it has been given so far. */
    public static final class Drafted {
        private final Page page;
        private final List<PageRevision> revisions = new ArrayList<>();

        Drafted(Page page) {
            this.page = page;
        }

        public Page page() {
            return page;
        }

        public List<PageRevision> revisions() {
            return revisions;
        }

        public PageRevision revision(int number) {
            return revisions.stream().filter(r -> r.number() == number).findFirst().orElseThrow();
        }

        /** The working revision's content and html, as the catalogue would give it. */
        public WorkingCopy workingCopy() {
            PageRevision working = revision(page.workingRevision());
            return new WorkingCopy(working.number(), working.source(), html(working.source()));
        }

        /** Saves new content as a revision by {@code author}. */
        public PageRevision revise(PageSource source, String author, boolean nonClinical, Instant now) {
            PageRevision revision = page.revise(source, html(source), new PageRevision.Authorship(author,
                    nonClinical ? "Corrected a typing error" : "Changed by " + author, nonClinical),
                    LocalDate.ofInstant(now, ZoneOffset.UTC), now);
            revisions.add(revision);
            return revision;
        }

        /** A FULL review of the working revision, as a reviewer's approval records it. */
        public ReviewRecord approval(String reviewer, LocalDate on, LocalDate nextDue) {
            PageRevision revision = revision(page.workingRevision());
            return new ReviewRecord(new ReviewRecord.Subject(page.id() == null ? 0 : page.id(), page.slug(), null, null,
                    revision.title(), revision.number(), revision.contentHash()), ReviewKind.FULL,
                    new ReviewRecord.Signature(username(reviewer), reviewer, "Physiotherapist", "PH" + reviewer.length()),
                    null, on, nextDue, on.atStartOfDay().toInstant(ZoneOffset.UTC));
        }

        /** A periodic review of the live revision. */
        public ReviewRecord periodicReview(String reviewer, ReviewKind kind, LocalDate on, LocalDate nextDue) {
            PageRevision revision = revision(page.liveRevision());
            return new ReviewRecord(new ReviewRecord.Subject(page.id() == null ? 0 : page.id(), page.slug(), null, null,
                    revision.title(), revision.number(), revision.contentHash()), kind,
                    new ReviewRecord.Signature(username(reviewer), reviewer, "Physiotherapist", null),
                    null, on, nextDue, on.atStartOfDay().toInstant(ZoneOffset.UTC));
        }

        /** Submits, approves (reviewed on {@code reviewed}, next due {@code nextDue}) and publishes the working revision. */
        public Drafted publish(LocalDate reviewed, LocalDate nextDue, Instant now) {
            WorkingCopy copy = workingCopy();
            page.submitForReview(copy.source());
            page.approve(approval("A Clinician", reviewed, nextDue));
            page.publishApproved(now, null, copy, LocalDate.ofInstant(now, ZoneOffset.UTC));
            return this;
        }
    }

    private PageFixtures() {
    }

    /** A new draft at revision 1, written by "author". */
    public static Drafted draft(String slug, Topic topic, PageSource source, Instant now) {
        Page page = new Page(new Slug(slug), topic, source, html(source), LocalDate.ofInstant(now, ZoneOffset.UTC), now);
        setId(page, Math.abs((long) slug.hashCode()) + 1);
        Drafted drafted = new Drafted(page);
        drafted.revisions.add(page.firstRevision(PageRevision.Authorship.of("author", "First draft")));
        return drafted;
    }

    /** A page published with a review on {@code reviewed}, next due {@code nextDue}. */
    public static Drafted published(String slug, Topic topic, PageSource source, LocalDate reviewed, LocalDate nextDue,
            Instant now) {
        return draft(slug, topic, source, now).publish(reviewed, nextDue, now);
    }

    /** Gives media items (by file) their own review dates, as an import of their sign-offs would. */
    public static void mediaDates(Page page, Map<String, ReviewDates> dates) {
        page.importMediaDates(dates);
        long id = 100;
        for (MediaItem item : page.media()) {
            if (item.id() == null) {
                setId(item, id++);
            }
        }
    }

    /** A status change the review scan makes: withdrawn for an overdue review. */
    public static void withdrawOverdue(Page page) {
        page.withdrawOverdue();
    }

    static String username(String name) {
        return name.toLowerCase(java.util.Locale.ROOT).replace(' ', '-');
    }

    /** Html for a body, good enough for pages that are never rendered from it. */
    static String html(PageSource source) {
        return "<p>" + source.bodyMarkdown().replace("<", "&lt;") + "</p>";
    }

    public static void setId(Object entity, long id) {
        try {
            Field field = entity.getClass().getDeclaredField("id");
            field.setAccessible(true);
            field.set(entity, id);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
