package org.veritycms.notification;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.veritycms.scheduling.JobExecution;

/** Every minute: sends what is due in the outbox. */
@Dependent
@DisallowConcurrentExecution
public class NotificationDispatchJob implements Job {

    public static final String NAME = "notification-dispatch";

    @Inject
    JobExecution execution;

    @Inject
    NotificationDispatcher dispatcher;

    @Override
    public void execute(JobExecutionContext context) throws JobExecutionException {
        execution.run(NAME, dispatcher::dispatch);
    }
}
