package org.veritycms.subscription;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.veritycms.scheduling.JobExecution;

/** Daily: last month's topic digests (each sent once; the days after the first find nothing new to send). */
@Dependent
@DisallowConcurrentExecution
public class TopicDigestJob implements Job {

    public static final String NAME = "topic-digest";

    @Inject
    JobExecution execution;

    @Inject
    TopicDigests digests;

    @Override
    public void execute(JobExecutionContext context) throws JobExecutionException {
        execution.run(NAME, () -> digests.send(digests.lastMonth()));
    }
}
