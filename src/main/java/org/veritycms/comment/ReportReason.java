package org.veritycms.comment;

import java.util.Locale;
import java.util.Optional;

/** Why a reader reports a comment. */
public enum ReportReason {
    OFFENSIVE, SPAM, PERSONAL_INFORMATION, MISINFORMATION, OTHER;

    /** The lower-case, hyphenated form used in forms, filters and the API, e.g. {@code personal-information}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<ReportReason> fromCode(String code) {
        for (ReportReason reason : values()) {
            if (reason.code().equals(code) || reason.name().equals(code)) {
                return Optional.of(reason);
            }
        }
        return Optional.empty();
    }
}
