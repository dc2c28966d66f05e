package org.veritycms.media;

import java.util.Optional;

/**
 * The file types the library accepts, each with the type it is served as and its file extension.
 * Images of the first two keep their format in renditions; WebP is read but cannot be written here,
 * so its renditions are PNG; GIF keeps no renditions (they would stop its animation).
 */
public enum FileType {
    JPEG("image/jpeg", "jpg", LibraryKind.IMAGE, "jpg"),
    PNG("image/png", "png", LibraryKind.IMAGE, "png"),
    WEBP("image/webp", "webp", LibraryKind.IMAGE, "png"),
    GIF("image/gif", "gif", LibraryKind.IMAGE, null),
    MP4("video/mp4", "mp4", LibraryKind.VIDEO, null),
    WEBM("video/webm", "webm", LibraryKind.VIDEO, null),
    MP3("audio/mpeg", "mp3", LibraryKind.AUDIO, null),
    OGG("audio/ogg", "ogg", LibraryKind.AUDIO, null),
    M4A("audio/mp4", "m4a", LibraryKind.AUDIO, null),
    PDF("application/pdf", "pdf", LibraryKind.DOCUMENT, null),
    VTT("text/vtt;charset=UTF-8", "vtt", LibraryKind.CAPTIONS, null);

    private final String contentType;
    private final String extension;
    private final LibraryKind kind;
    private final String renditionExtension;

    FileType(String contentType, String extension, LibraryKind kind, String renditionExtension) {
        this.contentType = contentType;
        this.extension = extension;
        this.kind = kind;
        this.renditionExtension = renditionExtension;
    }

    public String contentType() { return contentType; }
    public String extension() { return extension; }
    public LibraryKind kind() { return kind; }

    /** The extension (and so the format) of this type's renditions; empty when it keeps none. */
    public Optional<String> renditionExtension() {
        return Optional.ofNullable(renditionExtension);
    }

    /** The type a stored file's extension names. */
    public static Optional<FileType> ofExtension(String extension) {
        for (FileType t : values()) {
            if (t.extension.equals(extension)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
