package org.veritycms.rating;

/** A rating from 1 to 5 stars. */
public record Stars(int value) {

    public Stars {
        if (value < 1 || value > 5) {
            throw new IllegalArgumentException("A rating is from 1 to 5 stars");
        }
    }

    /** Parses what a form or a client sent; empty when it is not a whole number from 1 to 5. */
    public static java.util.Optional<Stars> parse(String text) {
        if (text == null || !text.strip().matches("[1-5]")) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new Stars(Integer.parseInt(text.strip())));
    }

    public boolean isLow() {
        return value <= 2;
    }
}
