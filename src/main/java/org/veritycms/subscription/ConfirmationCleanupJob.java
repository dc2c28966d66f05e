package org.veritycms.subscription;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.veritycms.scheduling.JobExecution;

/** Every few minutes: sent confirmation e-mails leave the outbox, so unconfirmed addresses are not kept. */
@Dependent
@DisallowConcurrentExecution
public class ConfirmationCleanupJob implements Job {

    public static final String NAME = "subscription-cleanup";

    @Inject
    JobExecution execution;

    @Inject
    TopicUpdates updates;

    @Override
    public void execute(JobExecutionContext context) throws JobExecutionException {
        execution.run(NAME, updates::forgetConfirmationMails);
    }
}
