package org.veritycms.shared;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.servlet.ServletContext;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Folders shipped inside the application (seed content, bundled themes), found on disk through
 * the servlet context once the application starts.
 */
@ApplicationScoped
public class BundledFiles {

    private volatile ServletContext context;

    /** Called once at start-up with the application's servlet context. */
    public void locate(ServletContext servletContext) {
        this.context = servletContext;
    }

    /** A folder of the deployment, e.g. {@code /WEB-INF/verity/themes}, if it is on disk. */
    public Optional<Path> folder(String path) {
        ServletContext current = context;
        return current == null ? Optional.empty() : Optional.ofNullable(current.getRealPath(path)).map(Path::of);
    }
}
