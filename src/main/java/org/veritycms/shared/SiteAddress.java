package org.veritycms.shared;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The public address of the site ({@code verity.site.url}), for links that leave the page they are
 * on: canonical links, sitemaps, feeds, structured data and e-mails.
 */
@ApplicationScoped
public class SiteAddress {

    private final String base;

    @Inject
    public SiteAddress(@ConfigProperty(name = "verity.site.url", defaultValue = "http://localhost:8080") String url) {
        String trimmed = url.strip();
        this.base = trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }

    protected SiteAddress() {
        this.base = null;
    }

    /** The site's root, without a trailing slash. */
    public String base() {
        return base;
    }

    /** The absolute address of a path on this site ({@code /yoga} becomes {@code https://example.org/yoga}). */
    public String of(String path) {
        return base + (path.startsWith("/") ? path : "/" + path);
    }
}
