package org.veritycms.content;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.nio.file.Path;
import java.time.Clock;

/** Records when an import of a folder started and finished, so that one cut off half-way is finished on the next start. */
@ApplicationScoped
public class ImportRuns {

    @PersistenceContext(unitName = "verity")
    EntityManager em;

    @Inject
    Clock clock;

    /** Whether an import of this folder started and never finished. */
    @Transactional
    public boolean unfinished(Path folder) {
        return ((Number) em.createNativeQuery("select count(*) from content_import_run where folder = ?1 and finished_at is null")
                .setParameter(1, key(folder)).getSingleResult()).longValue() > 0;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void started(Path folder) {
        em.createNativeQuery("delete from content_import_run where folder = ?1").setParameter(1, key(folder)).executeUpdate();
        em.createNativeQuery("insert into content_import_run (folder, started_at) values (?1, ?2)")
                .setParameter(1, key(folder)).setParameter(2, clock.instant()).executeUpdate();
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void finished(Path folder, ImportReport report) {
        em.createNativeQuery("update content_import_run set finished_at = ?1, report = ?2 where folder = ?3")
                .setParameter(1, clock.instant()).setParameter(2, report.toString()).setParameter(3, key(folder)).executeUpdate();
    }

    private static String key(Path folder) {
        String path = folder.toAbsolutePath().normalize().toString();
        return path.length() <= 1000 ? path : path.substring(path.length() - 1000);
    }
}
