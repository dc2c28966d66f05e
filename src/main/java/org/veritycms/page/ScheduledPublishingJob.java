package org.veritycms.page;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.time.Duration;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.veritycms.scheduling.JobExecution;
import org.veritycms.scheduling.ScheduledTask;

/** Every minute: publishes and expires pages at their scheduled times. */
@Dependent
@DisallowConcurrentExecution
public class ScheduledPublishingJob implements Job {

    public static final String NAME = "scheduled-publishing";

    @Inject
    JobExecution execution;

    @Inject
    ScheduledPublishing publishing;

    @Override
    public void execute(JobExecutionContext context) throws JobExecutionException {
        execution.run(NAME, publishing::run);
    }

    /** Declares the task. */
    @ApplicationScoped
    public static class Task {
        @Produces
        ScheduledTask scheduledPublishing() {
            return ScheduledTask.every(NAME, ScheduledPublishingJob.class, Duration.ofMinutes(1));
        }
    }
}
