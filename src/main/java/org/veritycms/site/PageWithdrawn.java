package org.veritycms.site;

import org.veritycms.shared.Problem;
import org.veritycms.shared.ProblemException;
import org.veritycms.site.Views.Link;

/** A withdrawn page: 410, with a themed page that points the reader to the page's topic. */
public class PageWithdrawn extends ProblemException {

    private static final long serialVersionUID = 1L;

    private final transient Link topic;
    private final String title;

    public PageWithdrawn(String title, Link topic) {
        super(Problem.of(410, "withdrawn", "Page withdrawn",
                "'" + title + "' has been withdrawn because it was not reviewed in time."));
        this.title = title;
        this.topic = topic;
    }

    public Link topic() {
        return topic;
    }

    public String title() {
        return title;
    }
}
