package org.veritycms.site;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.veritycms.moderation.DuplicateScreen;
import org.veritycms.moderation.TooFastScreen;
import org.veritycms.moderation.WordListScreen;
import org.veritycms.theme.ThemeRenderer;

/**
 * The notice a page's comments section shows at the address a comment form redirects to
 * ({@code ?comment=held} and so on, from a fixed set, never echoed), and why a refused comment
 * was refused, in the reader's words.
 */
@ApplicationScoped
public class CommentPlaceholders {

    static final String NOTICE_NAME = "comment_notice";
    /** Where the notice after posting or reporting goes. */
    public static final String NOTICE = Visitors.placeholder(NOTICE_NAME);
    /** The notices a redirect may ask for. */
    public static final Set<String> NOTICES = Set.of("published", "held", "help", "refused", "reported",
            "already-reported");

    /** The screens whose refusal a reader is told about in their own words; any other is "other". */
    private static final Set<String> EXPLAINED = Set.of(TooFastScreen.NAME, DuplicateScreen.NAME,
            WordListScreen.BANNED);

    private final ThemeRenderer theme;

    @Inject
    public CommentPlaceholders(ThemeRenderer theme) {
        this.theme = theme;
    }

    protected CommentPlaceholders() {
        this(null);
    }

    /** The notice a redirect asked for with {@code ?comment=}, or nothing. */
    String notice(HttpServletRequest request) {
        String notice = request.getParameter("comment");
        return notice != null && NOTICES.contains(notice) ? theme.render("comment-notice.ftlh", Map.of("notice", notice)) : "";
    }

    /** The message keys that tell a reader why the screens refused their comment, each once. */
    static List<String> refusalReasons(List<String> screens) {
        List<String> keys = screens.stream().map(s -> "comments.refused." + (EXPLAINED.contains(s) ? s : "other"))
                .distinct().toList();
        return keys.isEmpty() ? List.of("comments.refused.other") : keys;
    }
}
