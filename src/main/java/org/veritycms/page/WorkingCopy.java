package org.veritycms.page;

import java.util.Objects;

/** The working revision's content, rendered: what publishing or reopening puts on the page. */
public record WorkingCopy(int revision, PageSource source, String html) {
    public WorkingCopy {
        Objects.requireNonNull(source, "content");
        Objects.requireNonNull(html, "html");
    }
}
