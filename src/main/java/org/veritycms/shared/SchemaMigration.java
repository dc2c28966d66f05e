package org.veritycms.shared;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the database schema up to date with Flyway before anything else touches it. Shared
 * scripts live in {@code db/migration/common}; vendor-specific ones (the Quartz tables) in a
 * folder named after the database product, read from the JDBC metadata.
 */
@ApplicationScoped
public class SchemaMigration {

    private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

    @Resource(lookup = "java:jboss/datasources/VerityNonJtaDS")
    DataSource dataSource;

    public void migrate() {
        String vendor = vendor();
        MigrateResult result = Flyway.configure(SchemaMigration.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration/common", "classpath:db/migration/" + vendor)
                .failOnMissingLocations(false)
                .load()
                .migrate();
        // the target version is left empty when nothing was applied: the schema stayed where it was
        String version = result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion;
        LOG.info(() -> "Database schema (" + vendor + ") at version " + version + ", " + result.migrationsExecuted
                + " migration(s) applied");
    }

    private volatile String vendor;

    /** {@code postgresql} or {@code h2}: the folder of vendor-specific migrations; asked of the database once. */
    public String vendor() {
        String known = vendor;
        if (known != null) {
            return known;
        }
        try (Connection connection = dataSource.getConnection()) {
            String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
            known = product.contains("postgres") ? "postgresql" : "h2";
            vendor = known;
            return known;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot reach the database", e);
        }
    }
}
