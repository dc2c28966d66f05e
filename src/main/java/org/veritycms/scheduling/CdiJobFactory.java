package org.veritycms.scheduling;

import jakarta.enterprise.inject.spi.CDI;
import java.util.logging.Logger;
import org.quartz.Job;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.spi.JobFactory;
import org.quartz.spi.TriggerFiredBundle;

/**
 * Lets Quartz create jobs as CDI beans, so a job can inject the service it calls. A node that is
 * stopping may still fire a trigger after its CDI container has gone: the job then does nothing and
 * the task runs at its next time, on whichever node has it. Refusing to create the job instead would
 * make Quartz mark the task's trigger as failed in the shared job store, and no node would run it again.
 */
final class CdiJobFactory implements JobFactory {

    private static final Logger LOG = Logger.getLogger(CdiJobFactory.class.getName());

    @Override
    public Job newJob(TriggerFiredBundle bundle, Scheduler scheduler) throws SchedulerException {
        CDI<Object> container;
        try {
            container = CDI.current();
        } catch (IllegalStateException stopping) {
            return context -> LOG.info(() -> "Task " + context.getJobDetail().getKey().getName()
                    + " skipped: this node is stopping; it runs at its next time");
        }
        try {
            return container.select(bundle.getJobDetail().getJobClass()).get();
        } catch (RuntimeException e) {
            throw new SchedulerException("Cannot create job " + bundle.getJobDetail().getKey(), e);
        }
    }
}
