package org.veritycms.scheduling;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.quartz.CronScheduleBuilder;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.impl.StdSchedulerFactory;
import org.veritycms.shared.ApplicationReady;

/**
 * Starts the clustered Quartz scheduler on the application database once the application is
 * ready, schedules every declared task (idempotently: each node may do it), fires a task at
 * start-up when its last successful run is older than its interval, and stops with the app.
 */
@ApplicationScoped
public class SchedulerLifecycle {

    private static final Logger LOG = Logger.getLogger(SchedulerLifecycle.class.getName());
    static final String GROUP = "verity";

    @Resource(lookup = "java:jboss/datasources/VerityNonJtaDS")
    DataSource dataSource;

    @Inject
    Instance<ScheduledTask> declared;

    @Inject
    JobRuns runs;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "verity.scheduler.enabled", defaultValue = "true")
    boolean enabled;

    @Inject
    @ConfigProperty(name = "verity.scheduler.threads", defaultValue = "3")
    int threads;

    @Inject
    @ConfigProperty(name = "verity.node.id")
    Optional<String> nodeId;

    @Inject
    @ConfigProperty(name = "verity.scheduler.name", defaultValue = "verity")
    String schedulerName;

    /** A thread to start the scheduler on: not the managed executor, whose tasks wait while the server boots. */
    @Resource
    ManagedThreadFactory threadFactory;

    private volatile Scheduler scheduler;
    private boolean stopped;
    private volatile Instant startedAt;

    /**
     * Starts the scheduler on a thread of its own: Quartz's start (its tables, every task's trigger,
     * the catch-up) takes about a second, which the deployment does not wait for. The node answers
     * pages meanwhile; its readiness check says "not started" until the scheduler has.
     */
    void onReady(@Observes ApplicationReady ready) {
        if (!enabled) {
            LOG.info("Scheduler disabled (verity.scheduler.enabled=false)");
            return;
        }
        Thread starting = threadFactory == null ? null : threadFactory.newThread(this::start);
        if (starting == null) {
            start();
            return;
        }
        starting.setName("verity-scheduler-start");
        starting.start();
    }

    /** Runs once; a stop that came first (the application undeployed meanwhile) leaves it not started. */
    private synchronized void start() {
        if (stopped) {
            return;
        }
        try {
            StdSchedulerFactory factory = new StdSchedulerFactory(properties());
            Scheduler s = factory.getScheduler();
            s.setJobFactory(new CdiJobFactory());
            for (ScheduledTask task : tasks()) {
                schedule(s, task);
            }
            s.start();
            scheduler = s;
            startedAt = clock.instant();
            catchUp(s);
            LOG.info(() -> "Scheduler started with " + tasks().size() + " task(s)");
        } catch (SchedulerException e) {
            LOG.log(Level.SEVERE, "The scheduler could not start", e);
        }
    }

    /** The application is stopping: no task starts from now on, before the beans tasks use go away. */
    void onStopping(@Observes @BeforeDestroyed(ApplicationScoped.class) Object application) {
        stop();
    }

    /** Waits for a start under way to finish, so that what it started is stopped. */
    @PreDestroy
    synchronized void stop() {
        stopped = true;
        Scheduler s = scheduler;
        scheduler = null;
        if (s != null) {
            try {
                s.shutdown(true);
            } catch (SchedulerException e) {
                LOG.log(Level.WARNING, "Scheduler did not stop cleanly", e);
            }
        }
    }

    public List<ScheduledTask> tasks() {
        return declared.stream().toList();
    }

    /** When the scheduler started on this node, if it did. */
    public Optional<Instant> startedAt() {
        return Optional.ofNullable(startedAt);
    }

    private void schedule(Scheduler s, ScheduledTask task) throws SchedulerException {
        JobDetail job = JobBuilder.newJob(task.job()).withIdentity(task.name(), GROUP).storeDurably().build();
        TriggerBuilder<Trigger> trigger = TriggerBuilder.newTrigger().withIdentity(task.name(), GROUP).forJob(job);
        Trigger built = task.cron() != null
                ? trigger.withSchedule(CronScheduleBuilder.cronSchedule(task.cron()).inTimeZone(java.util.TimeZone.getTimeZone(task.zone()))
                        .withMisfireHandlingInstructionFireAndProceed()).build()
                : trigger.withSchedule(SimpleScheduleBuilder.simpleSchedule()
                        .withIntervalInSeconds((int) task.every().toSeconds()).repeatForever()
                        .withMisfireHandlingInstructionNextWithRemainingCount()).build();
        s.scheduleJob(job, Set.of(built), true);
    }

    private void catchUp(Scheduler s) throws SchedulerException {
        for (ScheduledTask task : tasks()) {
            if (!task.runAtStartupWhenMissed()) {
                continue;
            }
            Optional<Instant> last = runs.lastSuccess(task.name()).map(JobRun::startedAt);
            if (last.isEmpty() || last.get().plus(task.interval()).isBefore(clock.instant())) {
                LOG.info(() -> "Task " + task.name() + " missed its last run: running it now");
                s.triggerJob(JobKey.jobKey(task.name(), GROUP));
            }
        }
    }

    private Properties properties() {
        Properties p = new Properties();
        p.setProperty("org.quartz.scheduler.instanceName", schedulerName);
        p.setProperty("org.quartz.scheduler.instanceId", nodeId.filter(n -> !n.isBlank()).orElse("AUTO"));
        p.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
        p.setProperty("org.quartz.threadPool.threadCount", String.valueOf(threads));
        p.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
        p.setProperty("org.quartz.jobStore.driverDelegateClass", delegate());
        p.setProperty("org.quartz.jobStore.dataSource", "verity");
        p.setProperty("org.quartz.jobStore.tablePrefix", "QRTZ_");
        p.setProperty("org.quartz.jobStore.isClustered", "true");
        p.setProperty("org.quartz.jobStore.clusterCheckinInterval", "10000");
        p.setProperty("org.quartz.jobStore.misfireThreshold", "60000");
        p.setProperty("org.quartz.dataSource.verity.jndiURL", "java:jboss/datasources/VerityNonJtaDS");
        return p;
    }

    private String delegate() {
        try (Connection c = dataSource.getConnection()) {
            return c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres")
                    ? "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate" : "org.quartz.impl.jdbcjobstore.StdJDBCDelegate";
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot reach the database", e);
        }
    }
}
