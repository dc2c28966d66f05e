package org.veritycms.review;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.time.Instant;
import org.veritycms.page.Page;

/**
 * A use case that loses a race, for tests only: it changes a page another transaction changed
 * after it read it, so its write fails on the page's version as a real lost update would. It does
 * not flush itself: the stale version must be found and answered 409 however the use case ends.
 */
@Path("/test-conflicts")
public class ConflictProbe {

    @Inject
    StaleWrite write;

    @POST
    @Path("{slug}")
    @PermitAll
    public String staleWrite(@PathParam("slug") String slug) {
        write.change(slug);
        return "changed";
    }

    /** The use case, with its transaction. */
    @ApplicationScoped
    public static class StaleWrite {

        @PersistenceContext(unitName = "verity")
        EntityManager em;

        @Inject
        ConcurrentWrite other;

        @Transactional
        public void change(String slug) {
            Page page = em.createQuery("select p from Page p where p.slug = :s", Page.class).setParameter("s", slug).getSingleResult();
            other.bumpVersion(slug);
            page.schedule(null, Instant.parse("2099-01-01T00:00:00Z"));
        }
    }

    /** Someone else's change, committed while the use case runs. */
    @ApplicationScoped
    public static class ConcurrentWrite {

        @PersistenceContext(unitName = "verity")
        EntityManager em;

        @Transactional(Transactional.TxType.REQUIRES_NEW)
        public void bumpVersion(String slug) {
            em.createNativeQuery("update page set version = version + 1 where slug = ?1").setParameter(1, slug).executeUpdate();
        }
    }
}
