package org.veritycms.content;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.veritycms.shared.BundledFiles;

/**
 * Where the content files are: {@code verity.content.dir} when configured, otherwise the seed
 * content bundled inside the application.
 */
@ApplicationScoped
public class ContentFolder {

    static final String BUNDLED = "/WEB-INF/verity/content";

    private final Path root;

    @Inject
    public ContentFolder(@ConfigProperty(name = "verity.content.dir") Optional<String> configured, BundledFiles bundled) {
        this.root = configured.filter(s -> !s.isBlank()).map(Path::of)
                .orElseGet(() -> bundled.folder(BUNDLED).orElse(Path.of("content")));
    }

    protected ContentFolder() {
        this.root = null;
    }

    public Path root() {
        return root;
    }

    /** A media file under {@code media/}, if it exists and stays inside the folder. */
    public Optional<Path> media(String name) {
        Path mediaRoot = root.resolve("media").normalize();
        Path file = mediaRoot.resolve(name).normalize();
        return file.startsWith(mediaRoot) && Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }
}
