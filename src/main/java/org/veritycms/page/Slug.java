package org.veritycms.page;

import java.util.regex.Pattern;

/** A kebab-case identifier used in URLs: lower-case letters and digits separated by single hyphens. */
public record Slug(String value) {

    private static final Pattern KEBAB = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");
    public static final int MAX_LENGTH = 120;

    public Slug {
        if (value == null || value.length() > MAX_LENGTH || !KEBAB.matcher(value).matches()) {
            throw new IllegalArgumentException("Not a valid slug (lower-case words joined by hyphens): " + value);
        }
    }

    public static boolean isValid(String value) {
        return value != null && value.length() <= MAX_LENGTH && KEBAB.matcher(value).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
