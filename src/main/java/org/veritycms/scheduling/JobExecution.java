package org.veritycms.scheduling;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import org.quartz.JobExecutionException;

/**
 * Runs a job's work on a container-managed thread (so transactions, JNDI and CDI contexts are
 * there), waits for it, and records the run.
 */
@ApplicationScoped
public class JobExecution {

    @Resource
    ManagedExecutorService executor;

    @Inject
    JobRuns runs;

    public void run(String job, Callable<Integer> work) throws JobExecutionException {
        try {
            executor.submit(() -> runs.run(job, work)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JobExecutionException(e);
        } catch (ExecutionException e) {
            throw new JobExecutionException(job + " failed: " + e.getCause().getMessage(), e.getCause());
        }
    }
}
