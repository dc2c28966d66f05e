package org.veritycms.scheduling;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * The readiness check, about this node only: it reaches the database and its own scheduler has
 * started. A late job is not this node's fault (any node may run it), so it is an alert on the
 * operations screen and in {@code /api/v1/jobs}, never a reason to take every node out of service.
 */
@Readiness
@ApplicationScoped
public class JobReadiness implements HealthCheck {

    @Resource(lookup = "java:jboss/datasources/VerityNonJtaDS")
    DataSource dataSource;

    @Inject
    SchedulerLifecycle scheduler;

    @Inject
    @ConfigProperty(name = "verity.scheduler.enabled", defaultValue = "true")
    boolean schedulerEnabled;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("node").up();
        boolean database = databaseAnswers();
        response.withData("database", database ? "reachable" : "unreachable");
        boolean started = !schedulerEnabled || scheduler.startedAt().isPresent();
        response.withData("scheduler", !schedulerEnabled ? "disabled" : started ? "started" : "not started");
        return (database && started ? response : response.down()).build();
    }

    private boolean databaseAnswers() {
        try (Connection c = dataSource.getConnection()) {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }
}
