package org.veritycms.shared;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The folder Verity keeps its files in (the embedded database, secrets, mail written to disk):
 * {@code VERITY_DATA_DIR} when set, otherwise {@code verity/} under the server's data folder.
 */
@ApplicationScoped
public class DataFolder {

    private final Path root;

    @Inject
    public DataFolder(@ConfigProperty(name = "verity.data.dir") Optional<String> configured) {
        this.root = configured.filter(s -> !s.isBlank()).map(Path::of)
                .orElseGet(() -> Path.of(System.getProperty("jboss.server.data.dir", "data"), "verity"));
    }

    protected DataFolder() {
        this.root = null;
    }

    /** A sub-folder, created on first use. */
    public Path resolve(String name) {
        Path dir = root.resolve(name);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create data folder " + dir, e);
        }
        return dir;
    }

    public Path root() {
        return root;
    }
}
