package org.veritycms.testing;

import java.util.List;
import org.veritycms.site.Views.EvidenceView;
import org.veritycms.site.Views.Link;
import org.veritycms.site.Views.MediaView;
import org.veritycms.site.Views.PageSummary;
import org.veritycms.site.Views.PageView;
import org.veritycms.site.Views.TopicView;

/** View models with every field filled, for rendering templates in tests. */
public final class SampleViews {

    private SampleViews() {
    }

    public static PageSummary summary() {
        return new PageSummary("gentle-yoga", "Gentle yoga", "Slow poses.", "/yoga/gentle-yoga", "Yoga",
                "1 March 2025", "1 March 2027", "2027-03-01", "CURRENT");
    }

    public static TopicView topic() {
        return topicTitled("Yoga");
    }

    public static TopicView topicTitled(String title) {
        return new TopicView("yoga", title, "Poses and breathing.", "/yoga", List.of(summary()));
    }

    public static PageView page() {
        return new PageView("gentle-yoga", "Gentle yoga", "Slow poses.", "<p>Body</p><h2 id=\"when-to-get-help\">When to get help</h2>",
                new Link("Yoga", "/yoga"),
                List.of(new MediaView("VIDEO", "Cat pose", "https://media.example.org/cat.mp4", null, "Kneel down.",
                                "1 June 2025", "2025-06-01", "1 December 2026", "2026-12-01", "DUE_SOON"),
                        new MediaView("IMAGE", "Child pose", "/media/child.svg", "A person kneeling", null,
                                "", null, "1 January 2027", "2027-01-01", "CURRENT")),
                List.of(new EvidenceView("Guideline", "https://example.org/g", "Publisher", "1 January 2025")),
                List.of(summary()),
                "1 March 2025", "2025-03-01", "1 March 2027", "2027-03-01", "2 April 2025", "2025-04-02T10:00:00Z",
                "A Clinician", "Physiotherapist", "/yoga/gentle-yoga", "NOTICE", true, "1 March 2027", "2027-03-01", null,
                false, "/yoga/gentle-yoga/reviews", null);
    }
}
