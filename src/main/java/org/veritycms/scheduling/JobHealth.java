package org.veritycms.scheduling;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Each job's last run and last success; a job is late when its last success (or the scheduler's
 * start, if it never ran) is older than two intervals. A late job is the cluster's concern, not one
 * node's: it is an alert for people (the operations screen, {@code /api/v1/jobs}), while readiness
 * ({@link JobReadiness}) asks only whether this node can do its part.
 */
@ApplicationScoped
public class JobHealth {

    /** One job's health. */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "JobStatus")
    public record Status(String job, String schedule, Instant lastRun, String lastOutcome, Instant lastSuccess,
            int lastItems, boolean late, String alert) {
    }

    @Inject
    SchedulerLifecycle scheduler;

    @Inject
    JobRuns runs;

    @Inject
    Clock clock;

    @Transactional
    public List<Status> statuses() {
        return scheduler.tasks().stream().map(this::status).toList();
    }

    private Status status(ScheduledTask task) {
        Optional<JobRun> last = runs.last(task.name());
        Optional<JobRun> success = runs.lastSuccess(task.name());
        Instant reference = success.map(JobRun::startedAt).or(scheduler::startedAt).orElse(null);
        boolean late = reference != null && reference.plus(task.interval().multipliedBy(2)).isBefore(clock.instant());
        String schedule = task.cron() != null ? task.cron() + " (" + task.zone() + ")" : "every " + task.every().toSeconds() + " s";
        String alert = late ? "No successful run since " + reference + "; expected " + schedule + "." : null;
        return new Status(task.name(), schedule, last.map(JobRun::startedAt).orElse(null),
                last.map(r -> r.outcome().name()).orElse(null), success.map(JobRun::startedAt).orElse(null),
                last.map(JobRun::items).orElse(0), late, alert);
    }

    /** The jobs that are late, for an alert. */
    public List<Status> late() {
        return statuses().stream().filter(Status::late).toList();
    }
}
