package org.veritycms.site;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.veritycms.comment.FormStamps;
import org.veritycms.moderation.DuplicateScreen;
import org.veritycms.moderation.TooFastScreen;
import org.veritycms.moderation.WordListScreen;
import org.veritycms.theme.ThemeRenderer;

/**
 * Fills in the parts of a cached page's comments section that belong to one request: the
 * signed time the form was shown (for the "too fast" screen), and the notice a reader sees
 * after posting or reporting ({@code ?comment=held} and so on, from a fixed set, never echoed).
 */
@ApplicationScoped
public class CommentPlaceholders {

    static final String STAMP_NAME = "form_shown";
    static final String NOTICE_NAME = "comment_notice";
    /** Where the form's signed display time goes. */
    public static final String STAMP = Visitors.placeholder(STAMP_NAME);
    /** Where the notice after posting or reporting goes. */
    public static final String NOTICE = Visitors.placeholder(NOTICE_NAME);
    /** The notices a redirect may ask for. */
    public static final Set<String> NOTICES = Set.of("published", "held", "help", "refused", "reported",
            "already-reported");

    /** The screens whose refusal a reader is told about in their own words; any other is "other". */
    private static final Set<String> EXPLAINED = Set.of(TooFastScreen.NAME, DuplicateScreen.NAME,
            WordListScreen.BANNED);

    private final FormStamps stamps;
    private final ThemeRenderer theme;
    private final Clock clock;

    @Inject
    public CommentPlaceholders(FormStamps stamps, ThemeRenderer theme, Clock clock) {
        this.stamps = stamps;
        this.theme = theme;
        this.clock = clock;
    }

    protected CommentPlaceholders() {
        this(null, null, null);
    }

    /** The signed instant the form is shown. */
    String stamp() {
        return stamps.issue(clock.instant());
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
