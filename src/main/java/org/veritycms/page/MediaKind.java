package org.veritycms.page;

/** The kinds of media a page can carry; images need alt text, the others a transcript. */
public enum MediaKind {
    VIDEO, IMAGE, AUDIO;

    public boolean needsTranscript() {
        return this != IMAGE;
    }
}
