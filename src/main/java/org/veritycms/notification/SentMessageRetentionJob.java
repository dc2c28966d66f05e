package org.veritycms.notification;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.veritycms.scheduling.JobExecution;

/** Every night: erases the addresses of messages sent longer ago than the retention period. */
@Dependent
@DisallowConcurrentExecution
public class SentMessageRetentionJob implements Job {

    public static final String NAME = "sent-message-retention";

    @Inject
    JobExecution execution;

    @Inject
    SentMessageRetention retention;

    @Override
    public void execute(JobExecutionContext context) throws JobExecutionException {
        execution.run(NAME, retention::eraseExpired);
    }
}
