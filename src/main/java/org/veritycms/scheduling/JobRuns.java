package org.veritycms.scheduling;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Runs a job's work and records the run: start, end, outcome and the number of items touched. */
@ApplicationScoped
public class JobRuns {

    @PersistenceContext(unitName = "verity")
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "verity.node.id")
    Optional<String> configuredNode;

    @Inject
    Recorder recorder;

    /** Runs the work, recording it; the work returns how many items it touched. */
    public int run(String job, Callable<Integer> work) throws Exception {
        long id = recorder.start(job, node());
        try {
            int items = work.call();
            recorder.finish(id, JobRun.Outcome.SUCCEEDED, items, null);
            return items;
        } catch (JobInterrupted e) {
            recorder.finish(id, JobRun.Outcome.FAILED, e.itemsDone(), e.getMessage());
            throw e;
        } catch (Exception | Error e) {
            recorder.finish(id, JobRun.Outcome.FAILED, 0, e.getClass().getSimpleName() + ": " + e.getMessage());
            throw e;
        }
    }

    public Optional<JobRun> lastSuccess(String job) {
        return em.createQuery("select r from JobRun r where r.job = :j and r.outcome = :o order by r.startedAt desc",
                        JobRun.class).setParameter("j", job).setParameter("o", JobRun.Outcome.SUCCEEDED)
                .setMaxResults(1).getResultStream().findFirst();
    }

    public Optional<JobRun> last(String job) {
        return em.createQuery("select r from JobRun r where r.job = :j order by r.startedAt desc", JobRun.class)
                .setParameter("j", job).setMaxResults(1).getResultStream().findFirst();
    }

    public List<JobRun> recent(String job, int limit) {
        return em.createQuery("select r from JobRun r where r.job = :j order by r.startedAt desc", JobRun.class)
                .setParameter("j", job).setMaxResults(limit).getResultList();
    }

    String node() {
        return configuredNode.filter(n -> !n.isBlank()).orElseGet(() -> System.getProperty("jboss.node.name", "node"));
    }

    /** Writes run records in their own transactions, so a failed job still leaves its record. */
    @ApplicationScoped
    public static class Recorder {

        @PersistenceContext(unitName = "verity")
        EntityManager em;

        @Inject
        Clock clock;

        @Transactional(Transactional.TxType.REQUIRES_NEW)
        public long start(String job, String node) {
            JobRun run = new JobRun(job, node, clock.instant());
            em.persist(run);
            em.flush();
            return run.id();
        }

        @Transactional(Transactional.TxType.REQUIRES_NEW)
        public void finish(long id, JobRun.Outcome outcome, int items, String message) {
            em.find(JobRun.class, id).finish(outcome, items, message, clock.instant());
        }
    }
}
