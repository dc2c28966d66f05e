package org.veritycms.site;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.veritycms.site.Views.Link;
import org.veritycms.theme.ThemeRenderer;

/** Renders a public template with what every page's layout needs: title and breadcrumb trail. */
@ApplicationScoped
public class SiteRenderer {

    private final ThemeRenderer theme;

    @Inject
    public SiteRenderer(ThemeRenderer theme) {
        this.theme = theme;
    }

    protected SiteRenderer() {
        this(null);
    }

    public String render(String template, String title, List<Link> breadcrumbs, Map<String, ?> model) {
        Map<String, Object> all = new HashMap<>(model);
        all.put("pageTitle", title);
        all.put("breadcrumbs", breadcrumbs);
        return theme.render(template, all);
    }
}
