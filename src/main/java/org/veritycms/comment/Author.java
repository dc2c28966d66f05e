package org.veritycms.comment;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Who wrote a comment: the display name shown with it, and an optional e-mail address that is
 * never shown and only used to tell the author about a moderator's decision.
 */
public record Author(String name, String email) {

    public static final int MAX_NAME = 80;
    public static final int MAX_EMAIL = 254;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+");

    public Author {
        name = CommentBody.clean(name == null ? "" : name).replace('\n', ' ').strip();
        email = email == null || email.isBlank() ? null : email.strip();
        nameProblem(name).ifPresent(p -> {
            throw new IllegalArgumentException(p);
        });
        emailProblem(email).ifPresent(p -> {
            throw new IllegalArgumentException(p);
        });
    }

    /** What is wrong with a display name, if anything. */
    public static Optional<String> nameProblem(String name) {
        String n = name == null ? "" : CommentBody.clean(name).replace('\n', ' ').strip();
        if (n.isEmpty()) {
            return Optional.of("Enter the name to show with your comment.");
        }
        if (n.codePointCount(0, n.length()) > MAX_NAME) {
            return Optional.of("A name is at most " + MAX_NAME + " characters.");
        }
        return Optional.empty();
    }

    /** What is wrong with an e-mail address, if anything; none is fine. */
    public static Optional<String> emailProblem(String email) {
        if (email == null || email.isBlank()) {
            return Optional.empty();
        }
        String e = email.strip();
        if (e.length() > MAX_EMAIL || !EMAIL.matcher(e).matches()) {
            return Optional.of("Enter an e-mail address like name@example.org, or leave it empty.");
        }
        return Optional.empty();
    }
}
