package org.veritycms.page;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/** Topics in the database. */
@ApplicationScoped
public class TopicRepository {

    @PersistenceContext(unitName = "verity")
    EntityManager em;

    public List<Topic> findAll() {
        return em.createQuery("select t from Topic t order by t.position, t.title", Topic.class).getResultList();
    }

    public Optional<Topic> findBySlug(String slug) {
        return em.createQuery("select t from Topic t where t.slug = :slug", Topic.class)
                .setParameter("slug", slug).getResultStream().findFirst();
    }

    public void add(Topic topic) {
        em.persist(topic);
    }
}
