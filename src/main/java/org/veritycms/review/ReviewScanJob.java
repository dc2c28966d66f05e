package org.veritycms.review;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.veritycms.scheduling.JobExecution;

/** The daily review scan, as a Quartz job: all the work is in {@link ReviewScanner}. */
@Dependent
@DisallowConcurrentExecution
public class ReviewScanJob implements Job {

    public static final String NAME = "review-scan";

    @Inject
    JobExecution execution;

    @Inject
    ReviewScanner scanner;

    @Override
    public void execute(JobExecutionContext context) throws JobExecutionException {
        execution.run(NAME, () -> {
            ReviewScanner.Result r = scanner.scan();
            return r.remindersQueued() + r.withdrawn();
        });
    }
}
