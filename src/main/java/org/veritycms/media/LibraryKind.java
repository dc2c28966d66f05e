package org.veritycms.media;

import java.util.Optional;
import org.veritycms.page.MediaKind;

/** What a library file is for; images, video and audio can go on a page's media list. */
public enum LibraryKind {
    IMAGE, VIDEO, AUDIO, DOCUMENT, CAPTIONS;

    /** The kind of page media this is, when it can be one. */
    public Optional<MediaKind> onPage() {
        return switch (this) {
            case IMAGE -> Optional.of(MediaKind.IMAGE);
            case VIDEO -> Optional.of(MediaKind.VIDEO);
            case AUDIO -> Optional.of(MediaKind.AUDIO);
            default -> Optional.empty();
        };
    }

    public boolean needsTranscript() {
        return this == VIDEO || this == AUDIO;
    }
}
