package org.veritycms.rating;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.List;
import java.util.Optional;
import org.veritycms.shared.Problem;
import org.veritycms.shared.ProblemException;
import org.veritycms.shared.ReaderTokens;

/** What a rating request says, checked the same way for the form and the API. */
@ApplicationScoped
public class RatingRequests {

    static final int MAX_FEEDBACK = 1000;

    @Inject
    ReaderTokens readers;

    /** The reader behind a genuine cookie, if any. */
    public Optional<String> readerId(HttpHeaders headers) {
        Cookie cookie = headers.getCookies().get(ReaderTokens.COOKIE);
        return cookie == null ? Optional.empty() : readers.verify(cookie.getValue());
    }

    public static Stars stars(String stars) {
        return Stars.parse(stars).orElseThrow(() -> ProblemException.invalid("Choose from 1 to 5 stars.",
                List.of(new Problem.FieldError("stars", "must be a whole number from 1 to 5"))));
    }

    public static String feedback(String feedback) {
        if (feedback != null && feedback.length() > MAX_FEEDBACK) {
            throw ProblemException.invalid("Keep your note under " + MAX_FEEDBACK + " characters.",
                    List.of(new Problem.FieldError("feedback", "must be at most " + MAX_FEEDBACK + " characters")));
        }
        return feedback;
    }
}
