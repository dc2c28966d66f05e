package org.veritycms.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The list of bundled migrations a start compares with the database's history, against the
 * migration folders themselves: a script added without its line would be skipped on a database
 * that has all the others.
 */
class SchemaMigrationFilesTest {

    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
    private static final Pattern SCRIPT = Pattern.compile("V(\\d+(?:_\\d+)*)__.+\\.sql");

    @Test
    void theListNamesEveryScriptOfTheSharedAndTheVendorsFoldersAndNothingElse() throws IOException {
        for (String vendor : Set.of("h2", "postgresql")) {
            Set<String> files = new HashSet<>(versionsIn("common"));
            files.addAll(versionsIn(vendor));
            assertEquals(files, SchemaMigration.bundledVersions(vendor), "db/migration/versions.properties for " + vendor);
        }
    }

    @Test
    void versionsAreWrittenAsFlywayRecordsThem() {
        Set<String> postgresql = SchemaMigration.bundledVersions("postgresql");
        assertTrue(postgresql.contains("1.0") && postgresql.contains("11.2"), postgresql.toString());
        assertTrue(SchemaMigration.bundledVersions("h2").stream().noneMatch(v -> v.equals("11.2")), "a vendor's own stay its own");
    }

    private static Set<String> versionsIn(String folder) throws IOException {
        try (Stream<Path> scripts = Files.list(MIGRATIONS.resolve(folder))) {
            return scripts.map(p -> SCRIPT.matcher(p.getFileName().toString())).filter(Matcher::matches)
                    .map(m -> m.group(1).replace('_', '.')).collect(Collectors.toSet());
        }
    }
}
