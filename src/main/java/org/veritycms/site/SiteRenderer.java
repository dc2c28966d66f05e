package org.veritycms.site;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.veritycms.shared.SiteAddress;
import org.veritycms.site.Views.Link;
import org.veritycms.theme.ThemeRenderer;

/** Renders a public template with what every page's layout needs: title, breadcrumb trail and the site's address. */
@ApplicationScoped
public class SiteRenderer {

    private final ThemeRenderer theme;
    private final SiteAddress site;

    @Inject
    public SiteRenderer(ThemeRenderer theme, SiteAddress site) {
        this.theme = theme;
        this.site = site;
    }

    protected SiteRenderer() {
        this(null, null);
    }

    public String render(String template, String title, List<Link> breadcrumbs, Map<String, ?> model) {
        Map<String, Object> all = new HashMap<>(model);
        all.put("pageTitle", title);
        all.put("breadcrumbs", breadcrumbs);
        all.put("siteUrl", site.base());
        return theme.render(template, all);
    }
}
