package org.veritycms.quality;

import java.util.ArrayList;
import java.util.List;
import org.veritycms.testing.RemoteFixtures;

/** Every kind of page the site and the admin render, at addresses a test can open. */
final class SiteMap {

    /** A page to open, and the account that opens it (null for a reader). */
    record Screen(String path, boolean signedIn) {
    }

    private SiteMap() {
    }

    /**
     * The screens, around the given pages and a rich page made here (media, sources and related
     * pages, dated from the server's today), so no screen depends on the seed content's dates:
     * its topic lists it, and the search for "back" finds at least it.
     */
    static List<Screen> all(RemoteFixtures.PageRef live, RemoteFixtures.PageRef withdrawn, String username) {
        RemoteFixtures.PageRef rich = RemoteFixtures.richPage();
        List<Screen> screens = new ArrayList<>();
        for (String path : List.of("/", "/" + rich.topic(), rich.url(), rich.url() + "/comment", live.url(),
                "/search?q=back", "/search?q=zzzzqqq", "/subscribe", "/no-such-page", withdrawn.url(), "/admin/login")) {
            screens.add(new Screen(path, false));
        }
        for (String path : List.of("/admin", "/admin/pages", "/admin/pages?status=PUBLISHED", "/admin/pages/new",
                "/admin/pages/" + live.slug(), "/admin/pages/" + live.slug() + "/review",
                "/admin/pages/" + live.slug() + "/preview", "/admin/pages/" + live.slug() + "/preview?of=live",
                "/admin/pages/" + live.slug() + "/revisions", "/admin/pages/" + live.slug() + "/feedback",
                "/admin/pages/" + live.slug() + "/revisions/1", "/admin/pages/" + live.slug() + "/diff?from=1&to=1",
                "/admin/accounts", "/admin/accounts/" + username, "/admin/audit", "/admin/moderation",
                "/admin/moderation/log", "/admin/operations", "/admin/topics", "/admin/topics/exercise")) {
            screens.add(new Screen(path, true));
        }
        return screens;
    }

    /** The screens of a page waiting for clinical review: its editor, and the review screen with the approval form. */
    static List<Screen> inReview(String slug) {
        return List.of(new Screen("/admin/pages/" + slug, true), new Screen("/admin/pages/" + slug + "/review", true),
                new Screen("/admin/pages/" + slug + "/preview", true));
    }
}
