package org.veritycms.testing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.veritycms.account.Account;
import org.veritycms.account.AccountRepository;
import org.veritycms.account.Role;
import org.veritycms.account.SessionStore;
import org.veritycms.moderation.ModerationNotice;
import org.veritycms.moderation.ModeratorAlert;
import org.veritycms.moderation.ModerationQueue;

/** What in-container tests look at behind moderation: alerts fired, notices written, comments by page, moderators. */
@ApplicationScoped
public class ModerationProbe {

    private final List<ModeratorAlert> alerts = new CopyOnWriteArrayList<>();

    @PersistenceContext(unitName = "verity")
    EntityManager em;

    @Inject
    TestAccounts accounts;

    @Inject
    AccountRepository accountRepository;

    @Inject
    SessionStore sessions;

    @Inject
    ModerationQueue queue;

    void record(@Observes ModeratorAlert alert) {
        alerts.add(alert);
    }

    public List<ModeratorAlert> alerts() {
        return List.copyOf(alerts);
    }

    /** The notices written about a comment. */
    @Transactional
    public List<ModerationNotice> noticesAbout(long commentId) {
        return em.createQuery("select n from ModerationNotice n where n.commentId = :c order by n.id", ModerationNotice.class)
                .setParameter("c", commentId).getResultList();
    }

    @Transactional
    public List<ModerationNotice> noticesTo(String recipient, ModerationNotice.Kind kind) {
        return em.createQuery("select n from ModerationNotice n where n.recipient = :r and n.kind = :k order by n.id",
                ModerationNotice.class).setParameter("r", recipient).setParameter("k", kind).getResultList();
    }

    /** Every comment on a page, whatever its status, oldest first. */
    public List<ModerationQueue.Item> commentsOn(TestPages.TestPage page) {
        return queue.find(new ModerationQueue.Filter("all", null, page.slug(), 0, 200)).items().stream()
                .sorted(java.util.Comparator.comparingLong(ModerationQueue.Item::id)).toList();
    }

    /** The one comment on the page with this body. */
    public ModerationQueue.Item commentWithBody(TestPages.TestPage page, String body) {
        return commentsOn(page).stream().filter(i -> i.body().equals(body)).findFirst()
                .orElseThrow(() -> new AssertionError("no comment '" + body + "' on " + page.slug()));
    }

    /** A moderator with an e-mail address, so that alerts and digests reach them. */
    @Transactional
    public Account moderatorWithEmail() {
        Account created = accounts.create(Role.MODERATOR);
        Account moderator = accountRepository.findById(created.id()).orElseThrow();
        moderator.changeEmail(moderator.username() + "@moderators.example");
        return moderator;
    }

    /** A session cookie for the account, as signing in would set. */
    public String sessionCookie(Account account) {
        return SessionStore.COOKIE + "=" + sessions.open(account);
    }
}
