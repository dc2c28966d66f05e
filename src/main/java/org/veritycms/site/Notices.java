package org.veritycms.site;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The notices a guidance page shows at the address a reader's form redirects to: the thank-you
 * after rating ({@code ?rated=1}) and the word after posting or reporting a comment
 * ({@code ?comment=held} and so on, from a fixed set, never echoed). They depend on the address
 * alone, never on who asks, so every representation stays one shared page.
 */
@ApplicationScoped
public class Notices {

    /** The notices shown at one address: none, or a tag naming them and the text for their placeholders. */
    public record Shown(String tag, Map<String, String> values) {

        static final Shown NONE = new Shown("", Map.of());

        public boolean none() {
            return values.isEmpty();
        }

        String fill(String slot) {
            return values.getOrDefault(slot, "");
        }
    }

    @Inject
    CommentPlaceholders comments;

    @Inject
    RatingSection rating;

    public Shown of(HttpServletRequest request) {
        if (request.getQueryString() == null) {
            return Shown.NONE;
        }
        Map<String, String> values = new LinkedHashMap<>();
        StringBuilder tag = new StringBuilder();
        String thanks = rating.thanks(request);
        if (!thanks.isEmpty()) {
            values.put(RatingSection.THANKS_NAME, thanks);
            tag.append("rated");
        }
        String notice = comments.notice(request);
        if (!notice.isEmpty()) {
            values.put(CommentPlaceholders.NOTICE_NAME, notice);
            tag.append(tag.isEmpty() ? "" : "-").append("comment-").append(request.getParameter("comment"));
        }
        return values.isEmpty() ? Shown.NONE : new Shown(tag.toString(), Map.copyOf(values));
    }
}
