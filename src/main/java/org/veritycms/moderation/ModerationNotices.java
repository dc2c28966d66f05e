package org.veritycms.moderation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.veritycms.account.Account;
import org.veritycms.account.AccountRepository;
import org.veritycms.account.Role;
import org.veritycms.comment.Comment;
import org.veritycms.notification.Outbox;
import org.veritycms.notification.RetentionPassed;
import org.veritycms.notification.SentMessageRetention;

/**
 * The e-mails moderation sends, kept as {@code moderation_notice} rows and put in the outbox in the
 * transaction of the decision that causes them: safeguarding alerts to every
 * moderator at once, rejections to authors who gave an address, and the daily digest.
 */
@ApplicationScoped
public class ModerationNotices {

    private static final Logger LOG = Logger.getLogger(ModerationNotices.class.getName());

    @PersistenceContext(unitName = "verity")
    EntityManager em;

    @Inject
    AccountRepository accounts;

    @Inject
    Event<ModeratorAlert> alerts;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "verity.comments.alert-address")
    Optional<String> alertAddress;

    @Inject
    @ConfigProperty(name = "verity.site.url", defaultValue = "http://localhost:8080")
    String siteUrl;

    /** Alerts every moderator now: a comment on the page needs a person. The comment itself stays out of the e-mail. */
    public void alertModerators(Comment comment, String reason) {
        String queue = siteUrl + "/admin/moderation?status=PENDING&reason=safeguarding";
        String title = comment.page().title();
        String subject = "Urgent: a comment on \"" + title + "\" may need safeguarding";
        String body = "A comment posted on \"" + title + "\" mentions self-harm or suicide. It is held, and its author"
                + " was shown where to get urgent help.\n\nScreen: " + reason + "\nComment number: " + comment.id()
                + "\n\nRead it now in the moderation queue:\n" + queue + "\n";
        for (String to : moderatorAddresses()) {
            write(new ModerationNotice(ModerationNotice.Kind.SAFEGUARDING_ALERT, to, subject, body, comment.id(), null,
                    clock.instant()));
        }
        LOG.warning(() -> "Safeguarding: comment " + comment.id() + " on page '" + comment.page().slug()
                + "' is held and moderators are alerted");
        alerts.fire(new ModeratorAlert(comment.id(), comment.page().slug(), title, reason, queue, clock.instant()));
    }

    /** Tells an author who gave an e-mail address why their comment was not published. */
    public void tellAuthorOfRejection(Comment comment, RejectionReason reason) {
        if (!comment.hasAuthorEmail()) {
            return;
        }
        String title = comment.page().title();
        String body = "Hello " + comment.authorName() + ",\n\nThank you for commenting on \"" + title + "\". A moderator"
                + " did not publish your comment because " + reason.explanation() + ".\n\nYou are welcome to post"
                + " again within the rules for comments.\n";
        write(new ModerationNotice(ModerationNotice.Kind.COMMENT_REJECTED, comment.authorEmail(),
                "Your comment on \"" + title + "\"", body, comment.id(), null, clock.instant()));
    }

    /** Writes a day's digest to every moderator who has not had it yet; answers how many were written. */
    public int digest(LocalDate day, String subject, String body) {
        List<String> sent = em.createQuery("select n.recipient from ModerationNotice n where n.kind = :kind"
                        + " and n.digestDay = :day", String.class)
                .setParameter("kind", ModerationNotice.Kind.DAILY_DIGEST).setParameter("day", day).getResultList();
        int written = 0;
        for (String to : moderatorAddresses()) {
            if (!sent.contains(to)) {
                write(new ModerationNotice(ModerationNotice.Kind.DAILY_DIGEST, to, subject, body, null, day,
                        clock.instant()));
                written++;
            }
        }
        return written;
    }

    /**
     * Erases the addresses and texts of notices written before the retention cutoff, as the outbox
     * does with the messages themselves. Each erased address stays distinct (it names the notice),
     * so that a day's digests to several moderators remain distinct rows.
     */
    @Transactional
    void erase(@Observes RetentionPassed passed) {
        em.createQuery("update ModerationNotice n set n.recipient = concat(:erased, ' ', cast(n.id as String)), n.body = ''"
                        + " where n.createdAt < :cutoff and n.recipient not like :erasedPrefix")
                .setParameter("erased", SentMessageRetention.ERASED).setParameter("erasedPrefix", SentMessageRetention.ERASED + "%")
                .setParameter("cutoff", passed.cutoff()).executeUpdate();
    }

    /** Keeps the notice and puts it in the outbox, which delivers it (once, whatever re-runs). */
    private void write(ModerationNotice notice) {
        em.persist(notice);
        outbox.enqueue("moderation:" + notice.id(), "MODERATION_" + notice.kind().name(), notice.recipient(),
                notice.subject(), notice.body());
    }

    /** Enabled moderators with an e-mail address, and the shared alert address when one is configured. */
    public Set<String> moderatorAddresses() {
        Set<String> to = new LinkedHashSet<>();
        accounts.withRole(Role.MODERATOR).stream().map(Account::email).filter(e -> e != null && !e.isBlank())
                .forEach(to::add);
        alertAddress.filter(a -> !a.isBlank()).map(String::strip).ifPresent(to::add);
        return to;
    }

    public String siteUrl() {
        return siteUrl;
    }
}
