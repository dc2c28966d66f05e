package org.veritycms.scheduling;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

/**
 * Each job's last run and last success; a job is late when its last success (or the scheduler's
 * start, if it never ran) is older than two intervals. The readiness check reports late jobs.
 */
@ApplicationScoped
public class JobHealth {

    /** One job's health. */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "JobStatus")
    public record Status(String job, String schedule, Instant lastRun, String lastOutcome, Instant lastSuccess,
            int lastItems, boolean late) {
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
        return new Status(task.name(), schedule, last.map(JobRun::startedAt).orElse(null),
                last.map(r -> r.outcome().name()).orElse(null), success.map(JobRun::startedAt).orElse(null),
                last.map(JobRun::items).orElse(0), late);
    }

    HealthCheckResponse readiness() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("scheduled-jobs").up();
        for (Status s : statuses()) {
            response.withData(s.job(), s.late() ? "late" : "ok");
            if (s.late()) {
                response.down();
            }
        }
        return response.build();
    }
}
