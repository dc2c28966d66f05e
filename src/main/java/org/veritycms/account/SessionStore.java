package org.veritycms.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.veritycms.shared.ContentHash;

/**
 * Sign-in sessions kept in the database, so any node of a cluster can serve any request. The
 * cookie carries a random token; only its SHA-256 is stored, so a copy of the table signs no one in.
 */
@ApplicationScoped
public class SessionStore {

    public static final String COOKIE = "verity_session";

    @PersistenceContext(unitName = "verity")
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "verity.session.idle-minutes", defaultValue = "60")
    long idleMinutes;

    private final SecureRandom random = new SecureRandom();

    /** Opens a session and returns the token for the cookie. */
    @Transactional
    public String open(Account account) {
        byte[] raw = new byte[32];
        random.nextBytes(raw);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        Instant now = clock.instant();
        em.createNativeQuery("insert into account_session (token_hash, account_id, created_at, last_seen_at, expires_at)"
                        + " values (?1, ?2, ?3, ?4, ?5)")
                .setParameter(1, ContentHash.of(token)).setParameter(2, account.id()).setParameter(3, now)
                .setParameter(4, now).setParameter(5, now.plus(idle())).executeUpdate();
        return token;
    }

    /** The account id of a live session, extending it while in use. */
    @Transactional
    public Optional<Long> resume(String token) {
        if (token == null || token.length() > 100) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        String hash = ContentHash.of(token);
        Optional<Long> account = em.createNativeQuery("select account_id from account_session where token_hash = ?1"
                        + " and expires_at > ?2", Long.class)
                .setParameter(1, hash).setParameter(2, now).getResultStream().map(Long.class::cast).findFirst();
        account.ifPresent(id -> em.createNativeQuery("update account_session set last_seen_at = ?1, expires_at = ?2"
                        + " where token_hash = ?3 and expires_at < ?4")
                .setParameter(1, now).setParameter(2, now.plus(idle())).setParameter(3, hash)
                .setParameter(4, now.plus(idle()).minusSeconds(60)).executeUpdate());
        return account;
    }

    @Transactional
    public void close(String token) {
        if (token != null) {
            em.createNativeQuery("delete from account_session where token_hash = ?1")
                    .setParameter(1, ContentHash.of(token)).executeUpdate();
        }
    }

    /** Ends every session of an account (password change, disabling). */
    @Transactional
    public void closeAll(long accountId) {
        em.createNativeQuery("delete from account_session where account_id = ?1").setParameter(1, accountId).executeUpdate();
    }

    /** Ends every session of an account but the one whose token has this hash (null: every one). */
    @Transactional
    public void closeAllBut(long accountId, String keptTokenHash) {
        if (keptTokenHash == null) {
            closeAll(accountId);
            return;
        }
        em.createNativeQuery("delete from account_session where account_id = ?1 and token_hash <> ?2")
                .setParameter(1, accountId).setParameter(2, keptTokenHash).executeUpdate();
    }

    @Transactional
    public int purgeExpired() {
        return em.createNativeQuery("delete from account_session where expires_at <= ?1")
                .setParameter(1, clock.instant()).executeUpdate();
    }

    private Duration idle() {
        return Duration.ofMinutes(idleMinutes);
    }
}
