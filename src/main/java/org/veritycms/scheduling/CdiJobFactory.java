package org.veritycms.scheduling;

import jakarta.enterprise.inject.spi.CDI;
import org.quartz.Job;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.spi.JobFactory;
import org.quartz.spi.TriggerFiredBundle;

/** Lets Quartz create jobs as CDI beans, so a job can inject the service it calls. */
final class CdiJobFactory implements JobFactory {

    @Override
    public Job newJob(TriggerFiredBundle bundle, Scheduler scheduler) throws SchedulerException {
        try {
            return CDI.current().select(bundle.getJobDetail().getJobClass()).get();
        } catch (RuntimeException e) {
            throw new SchedulerException("Cannot create job " + bundle.getJobDetail().getKey(), e);
        }
    }
}
