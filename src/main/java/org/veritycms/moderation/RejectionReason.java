package org.veritycms.moderation;

import java.util.Locale;
import java.util.Optional;

/** Why a moderator rejected a comment, with the explanation its author is sent. */
public enum RejectionReason {
    OFFENSIVE("it was offensive or abusive"),
    PERSONAL_INFORMATION("it shared personal information, such as contact details or health records"),
    MISINFORMATION("it gave health information that could mislead or harm other readers"),
    ADVERTISING("it advertised a product, service or website"),
    OFF_TOPIC("it was not about the page it was posted on"),
    OTHER("it did not follow the rules for comments");

    private final String explanation;

    RejectionReason(String explanation) {
        this.explanation = explanation;
    }

    /** Lower case and hyphenated, e.g. {@code personal-information}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Completes "Your comment was not published because ...". */
    public String explanation() {
        return explanation;
    }

    public static Optional<RejectionReason> fromCode(String code) {
        if (code == null || code.isBlank()) {
            return Optional.empty();
        }
        for (RejectionReason reason : values()) {
            if (reason.code().equals(code.strip()) || reason.name().equals(code.strip())) {
                return Optional.of(reason);
            }
        }
        return Optional.empty();
    }
}
