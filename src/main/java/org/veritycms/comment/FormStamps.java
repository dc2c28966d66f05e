package org.veritycms.comment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;
import org.veritycms.shared.ServerSecret;

/**
 * When a comment form was shown, signed so a reader cannot fake it: lets the screens tell a
 * person who read the page from a script that posts the moment it gets the form.
 */
@ApplicationScoped
public class FormStamps {

    private final ServerSecret secret;

    @Inject
    public FormStamps(ServerSecret secret) {
        this.secret = secret;
    }

    protected FormStamps() {
        this.secret = null;
    }

    /** A stamp for a form shown at this instant: milliseconds, dot, signature. */
    public String issue(Instant shownAt) {
        String millis = Long.toString(shownAt.toEpochMilli());
        return millis + "." + secret.sign("form-shown:" + millis);
    }

    /** The instant inside a genuine stamp; empty for a missing, forged or damaged one. */
    public Optional<Instant> shownAt(String stamp) {
        if (stamp == null || stamp.length() > 100) {
            return Optional.empty();
        }
        int dot = stamp.indexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        String millis = stamp.substring(0, dot);
        if (!millis.chars().allMatch(Character::isDigit) || millis.length() > 15
                || !secret.verify("form-shown:" + millis, stamp.substring(dot + 1))) {
            return Optional.empty();
        }
        return Optional.of(Instant.ofEpochMilli(Long.parseLong(millis)));
    }
}
