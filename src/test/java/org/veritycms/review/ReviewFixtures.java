package org.veritycms.review;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.veritycms.page.MediaKind;
import org.veritycms.page.MediaSource;
import org.veritycms.page.Page;
import org.veritycms.page.PageCatalogue;
import org.veritycms.page.PageChanged;
import org.veritycms.page.PageRevision;
import org.veritycms.page.PageSource;
import org.veritycms.page.PageStatus;
import org.veritycms.page.ReviewDates;
import org.veritycms.page.RiskTier;
import org.veritycms.page.CommentPolicy;
import org.veritycms.page.Slug;
import org.veritycms.page.TopicRepository;

/** Builds review scenarios in the real database for in-container tests, and reads their outcome. */
@ApplicationScoped
public class ReviewFixtures {

    @PersistenceContext(unitName = "verity")
    EntityManager em;

    @Inject
    PageCatalogue catalogue;

    @Inject
    TopicRepository topics;

    @Inject
    Event<PageChanged> changes;

    /** A published page due on {@code pageDue} whose video is due on {@code mediaDue}. */
    @Transactional
    public Page publishedPage(String slug, String owner, String author, LocalDate pageDue, LocalDate mediaDue) {
        PageSource source = new PageSource("Ladder page " + slug, "A page for the review ladder.",
                "Advice.\n\n## When to get help\n\nCall 111.\n", RiskTier.STANDARD, owner, CommentPolicy.POSTMODERATED,
                List.of(), List.of(), List.of(new MediaSource(MediaKind.VIDEO, "Ladder video", "https://media.example.org/l.mp4",
                        null, "Words.")));
        return catalogue.importNew(new Slug(slug), topics.findBySlug("exercise").orElseThrow(), source,
                new PageCatalogue.ImportedReview(new ReviewDates(pageDue.minusYears(2), pageDue), null,
                        Map.of("https://media.example.org/l.mp4", new ReviewDates(mediaDue.minusYears(2), mediaDue))),
                PageStatus.PUBLISHED, PageRevision.Authorship.of(author, "For the ladder test"));
    }

    /** A new live revision from a changed content file (the import's path to new live content). */
    @Transactional
    public int importChangedBody(String slug, String body) {
        Page page = em.createQuery("select p from Page p where p.slug = :s", Page.class).setParameter("s", slug).getSingleResult();
        PageSource now = page.toSource();
        catalogue.importUpdate(page, new PageSource(now.title(), now.summary(), body, now.tier(), now.owner(),
                now.commentPolicy(), now.relatedSlugs(), now.evidence(), now.media()),
                new PageCatalogue.ImportedReview(page.reviewDates(), null, Map.of()), PageStatus.PUBLISHED,
                PageRevision.Authorship.of("content-files", "Changed in the content files"));
        return page.liveRevision();
    }

    /** Gives a page an expiry time. */
    @Transactional
    public void expireAt(String slug, java.time.Instant when) {
        Page page = em.createQuery("select p from Page p where p.slug = :s", Page.class).setParameter("s", slug).getSingleResult();
        page.schedule(null, when);
        changes.fire(new PageChanged(slug));
    }

    public List<String> stages(long pageId) {
        return em.createQuery("select r.stage from ReviewReminder r where r.pageId = :p order by r.createdAt, r.id", String.class)
                .setParameter("p", pageId).getResultList();
    }

    public long notificationsTo(String recipient, String kind) {
        return em.createQuery("select count(n) from Notification n where n.recipient = :r and n.kind = :k", Long.class)
                .setParameter("r", recipient).setParameter("k", kind).getSingleResult();
    }

    public long sentTo(String recipient) {
        return em.createQuery("select count(n) from Notification n where n.recipient = :r and n.status = 'SENT'", Long.class)
                .setParameter("r", recipient).getSingleResult();
    }

    public PageStatus status(String slug) {
        return em.createQuery("select p.status from Page p where p.slug = :s", PageStatus.class).setParameter("s", slug)
                .getSingleResult();
    }

    public LocalDate nextDue(String slug) {
        return em.createQuery("select p.reviewDates.nextReviewDue from Page p where p.slug = :s", LocalDate.class)
                .setParameter("s", slug).getSingleResult();
    }

    public long mediaId(String slug) {
        return em.createQuery("select m.id from MediaItem m where m.page.slug = :s", Long.class).setParameter("s", slug)
                .getSingleResult();
    }

    public Set<String> published() {
        return Set.copyOf(em.createQuery("select p.slug from Page p where p.status = 'PUBLISHED'", String.class).getResultList());
    }

    /** Puts back pages a test's clock moves withdrew, so other tests find the site as it was. */
    @Transactional
    public void republish(Set<String> slugs) {
        // test clean-up only: no workflow puts an overdue page back without a review
        List<String> withdrawn = em.createQuery("select p.slug from Page p where p.slug in :s and p.status = 'WITHDRAWN'",
                String.class).setParameter("s", slugs).getResultList();
        if (!withdrawn.isEmpty()) {
            em.createNativeQuery("update page set status = 'PUBLISHED', withdrawal_reason = null where slug in (:s)")
                    .setParameter("s", withdrawn).executeUpdate();
            withdrawn.forEach(slug -> changes.fire(new PageChanged(slug)));
        }
    }

    /**
     * Archives the pages a test published (those not in {@code before}): their review dates lie
     * years ahead, and left on the site they would head every feed and listing other tests read.
     */
    @Transactional
    public void archiveAllBut(Set<String> before) {
        List<String> added = em.createQuery("select p.slug from Page p where p.status = 'PUBLISHED'", String.class)
                .getResultList().stream().filter(slug -> !before.contains(slug)).toList();
        if (!added.isEmpty()) {
            em.createNativeQuery("update page set status = 'ARCHIVED' where slug in (:s)").setParameter("s", added).executeUpdate();
            added.forEach(slug -> changes.fire(new PageChanged(slug)));
        }
    }
}
