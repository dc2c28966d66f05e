package org.veritycms.subscription;

import java.util.Locale;
import java.util.regex.Pattern;

/** An e-mail address as readers type it, trimmed and lower-cased, checked for a plausible shape only. */
public record EmailAddress(String value) {

    static final int MAX_LENGTH = 254;
    private static final Pattern SHAPE = Pattern.compile("[^@\\s\"<>(),;:\\\\\\[\\]]{1,64}@[a-z0-9](?:[a-z0-9-]*[a-z0-9])?"
            + "(?:\\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+");

    public EmailAddress {
        if (!isValid(value)) {
            throw new IllegalArgumentException("Not an e-mail address");
        }
    }

    /** The address a reader typed, normalised, if it looks like one. */
    public static java.util.Optional<EmailAddress> parse(String typed) {
        if (typed == null) {
            return java.util.Optional.empty();
        }
        String normal = typed.strip().toLowerCase(Locale.ROOT);
        return isValid(normal) ? java.util.Optional.of(new EmailAddress(normal)) : java.util.Optional.empty();
    }

    private static boolean isValid(String value) {
        return value != null && value.length() <= MAX_LENGTH && SHAPE.matcher(value).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
