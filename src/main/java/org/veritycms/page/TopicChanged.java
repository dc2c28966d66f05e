package org.veritycms.page;

/** A topic was created or described anew: the lists of topics and pages readers see must follow. */
public record TopicChanged(String slug) {
}
