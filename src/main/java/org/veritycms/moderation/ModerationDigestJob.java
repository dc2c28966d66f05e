package org.veritycms.moderation;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.veritycms.scheduling.JobExecution;

/**
 * Daily: the moderators' digest of the comment queue. Quartz's clustered job store runs it on one
 * node; a second run on the same day writes nothing new, since each moderator's digest for a day
 * is written once.
 */
@Dependent
@DisallowConcurrentExecution
public class ModerationDigestJob implements Job {

    public static final String NAME = "moderation-digest";

    @Inject
    JobExecution execution;

    @Inject
    ModerationDigest digest;

    @Inject
    Clock clock;

    @Override
    public void execute(JobExecutionContext context) throws JobExecutionException {
        execution.run(NAME, () -> digest.send(LocalDate.now(clock)));
    }
}
