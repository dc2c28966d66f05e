package org.veritycms.content;

/** A problem in a content file, with the line it is on (1-based). */
public class ContentError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int line;

    public ContentError(int line, String message) {
        super(message);
        this.line = Math.max(1, line);
    }

    public int line() {
        return line;
    }
}
