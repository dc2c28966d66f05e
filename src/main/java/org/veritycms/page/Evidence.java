package org.veritycms.page;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.LocalDate;
import java.util.Objects;

/** A source the advice rests on. */
@Embeddable
public class Evidence {

    @Column(nullable = false)
    private String title;

    @Column(nullable = false)
    private String url;

    private String publisher;

    @Column(name = "accessed_on")
    private LocalDate accessedOn;

    protected Evidence() {
    }

    public Evidence(String title, String url, String publisher, LocalDate accessedOn) {
        this.title = Objects.requireNonNull(title, "evidence title");
        this.url = WebAddress.require(Objects.requireNonNull(url, "evidence url").strip(), "The url of source '" + title + "'");
        this.publisher = publisher;
        this.accessedOn = accessedOn;
    }

    public String title() {
        return title;
    }

    public String url() {
        return url;
    }

    public String publisher() {
        return publisher;
    }

    public LocalDate accessedOn() {
        return accessedOn;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Evidence e && title.equals(e.title) && url.equals(e.url)
                && Objects.equals(publisher, e.publisher) && Objects.equals(accessedOn, e.accessedOn);
    }

    @Override
    public int hashCode() {
        return Objects.hash(title, url, publisher, accessedOn);
    }
}
