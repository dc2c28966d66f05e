package org.veritycms.site;

import org.veritycms.shared.Problem;
import org.veritycms.shared.ProblemException;
import org.veritycms.site.Views.Link;

/**
 * A withdrawn page: 410, with a themed page that says why (its review was overdue, or the editors
 * took it down) and points the reader to the page's topic.
 */
public class PageWithdrawn extends ProblemException {

    private static final long serialVersionUID = 1L;

    private final transient Link topic;
    private final String title;
    private final boolean byEditors;

    public PageWithdrawn(String title, Link topic, boolean byEditors) {
        super(Problem.of(410, "withdrawn", "Page withdrawn", "'" + title + "' has been withdrawn "
                + (byEditors ? "by the editors while its advice is checked." : "because it was not reviewed in time.")));
        this.title = title;
        this.topic = topic;
        this.byEditors = byEditors;
    }

    public Link topic() {
        return topic;
    }

    public String title() {
        return title;
    }

    public boolean byEditors() {
        return byEditors;
    }
}
