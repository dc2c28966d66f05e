package org.veritycms.scheduling;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** The readiness check: down while any scheduled job is late. */
@Readiness
@ApplicationScoped
public class JobReadiness implements HealthCheck {

    @Inject
    JobHealth health;

    @Override
    public HealthCheckResponse call() {
        return health.readiness();
    }
}
