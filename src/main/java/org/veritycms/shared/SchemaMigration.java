package org.veritycms.shared;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
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

    /**
     * Runs Flyway unless the database has already recorded every migration this build bundles as
     * applied ({@code db/migration/versions.properties}): then there is nothing to do, and the start
     * does not pay for Flyway listing and checking its scripts. A database short of any, or with a
     * failed one, goes through Flyway as always, which applies or reports it.
     */
    public void migrate() {
        String vendor = vendor();
        Set<String> bundled = bundledVersions(vendor);
        if (appliedAll(bundled)) {
            LOG.info(() -> "Database schema (" + vendor + ") current: all " + bundled.size() + " bundled migrations applied");
            return;
        }
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

    /** The versions of the migrations this build bundles for the vendor: the shared ones and its own. */
    static Set<String> bundledVersions(String vendor) {
        Properties versions = new Properties();
        try (InputStream in = SchemaMigration.class.getResourceAsStream("/db/migration/versions.properties")) {
            if (in == null) {
                return Set.of();
            }
            versions.load(in);
        } catch (IOException e) {
            return Set.of(); // Flyway then runs and finds the scripts itself
        }
        Set<String> all = new HashSet<>();
        for (String folder : List.of("common", vendor)) {
            for (String version : versions.getProperty(folder, "").split(",")) {
                if (!version.isBlank()) {
                    all.add(version.strip());
                }
            }
        }
        return all;
    }

    /** Whether the database recorded each of these versions as applied, and no migration as failed. */
    private boolean appliedAll(Set<String> bundled) {
        if (bundled.isEmpty()) {
            return false;
        }
        Set<String> applied = new HashSet<>();
        try (Connection connection = dataSource.getConnection();
                Statement query = connection.createStatement();
                ResultSet rows = query.executeQuery("select version, success from flyway_schema_history where version is not null")) {
            while (rows.next()) {
                if (!rows.getBoolean(2)) {
                    return false;
                }
                applied.add(rows.getString(1));
            }
        } catch (SQLException noHistoryYet) {
            return false; // an empty database: Flyway creates its history and applies everything
        }
        return applied.containsAll(bundled);
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
