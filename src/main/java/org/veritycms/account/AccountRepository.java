package org.veritycms.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/** Accounts in the database. */
@ApplicationScoped
public class AccountRepository {

    @PersistenceContext(unitName = "verity")
    EntityManager em;

    public Optional<Account> findByUsername(String username) {
        if (username == null) {
            return Optional.empty();
        }
        return em.createQuery("select a from Account a where a.username = :u", Account.class)
                .setParameter("u", username.strip().toLowerCase(java.util.Locale.ROOT)).getResultStream().findFirst();
    }

    public Optional<Account> findById(long id) {
        return Optional.ofNullable(em.find(Account.class, id));
    }

    public List<Account> findAll() {
        return em.createQuery("select a from Account a order by a.username", Account.class).getResultList();
    }

    public List<Account> withRole(Role role) {
        return em.createQuery("select a from Account a join a.roles r where r = :role and a.enabled = true"
                + " order by a.username", Account.class).setParameter("role", role).getResultList();
    }

    public long count() {
        return em.createQuery("select count(a) from Account a", Long.class).getSingleResult();
    }

    public void add(Account account) {
        em.persist(account);
    }

    public void flush() {
        em.flush();
    }
}
