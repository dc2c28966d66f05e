package org.veritycms.theme;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.veritycms.shared.BundledFiles;

/**
 * Finds themes in the configured themes folder and in the themes bundled with the application,
 * and resolves the lookup chain: active theme, its parents, then {@code default}.
 */
@ApplicationScoped
public class ThemeRegistry {

    static final String DEFAULT = "default";
    static final String BUNDLED = "/WEB-INF/verity/themes";

    private final List<Path> folders;
    private final List<Theme> chain;

    @Inject
    public ThemeRegistry(@ConfigProperty(name = "verity.themes.dir") Optional<String> themesDir,
            @ConfigProperty(name = "verity.theme", defaultValue = DEFAULT) String active, BundledFiles bundled) {
        this(folders(themesDir, bundled.folder(BUNDLED)), active);
    }

    public ThemeRegistry(List<Path> folders, String active) {
        this.folders = List.copyOf(folders);
        this.chain = resolveChain(active);
    }

    protected ThemeRegistry() {
        this.folders = List.of();
        this.chain = List.of();
    }

    private static List<Path> folders(Optional<String> configured, Optional<Path> bundled) {
        List<Path> list = new ArrayList<>();
        configured.filter(s -> !s.isBlank()).map(Path::of).ifPresent(list::add);
        bundled.ifPresent(list::add);
        if (list.isEmpty()) {
            list.add(Path.of("themes"));
        }
        return list;
    }

    /** The active theme first, then each parent, ending with {@code default}. */
    public List<Theme> chain() {
        return Collections.unmodifiableList(chain);
    }

    public Theme active() {
        return chain.get(0);
    }

    public Optional<Theme> find(String name) {
        for (Path folder : folders) {
            Path root = folder.resolve(name);
            if (Files.isRegularFile(root.resolve("theme.properties"))) {
                return Optional.of(Theme.load(root));
            }
        }
        return Optional.empty();
    }

    private List<Theme> resolveChain(String active) {
        List<Theme> result = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        String next = active;
        while (next != null && seen.add(next)) {
            String name = next;
            Theme theme = find(name).orElseThrow(() -> new IllegalStateException(
                    "Theme '" + name + "' not found in " + folders));
            result.add(theme);
            next = theme.parent();
        }
        if (!seen.contains(DEFAULT)) {
            result.add(find(DEFAULT).orElseThrow(() -> new IllegalStateException("The default theme is missing from " + folders)));
        }
        return result;
    }

    /** A static file of the chain, first theme that has it wins; never escapes a static folder. */
    public Optional<Path> staticFile(String relative) {
        for (Theme theme : chain) {
            Path base = theme.staticFiles().normalize();
            Path file = base.resolve(relative).normalize();
            if (file.startsWith(base) && Files.isRegularFile(file)) {
                return Optional.of(file);
            }
        }
        return Optional.empty();
    }
}
