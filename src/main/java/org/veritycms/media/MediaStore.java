package org.veritycms.media;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where library files live, by name ({@code <sha256>.<ext>}, renditions {@code <sha256>-<width>w.<ext>}).
 * Names come from content, so a file once stored never changes: the same bytes put twice are one
 * file. {@link FolderMediaStore} keeps them under the data folder; an object store can take its
 * place by implementing this interface. Several nodes must share one store.
 */
public interface MediaStore {

    /** A stored file opened for reading; the caller closes the stream. */
    record Opened(InputStream stream, long size) {
    }

    /** Takes the file in under {@code name} (moving it away from {@code file}); keeps what is there already. */
    void put(String name, Path file) throws IOException;

    Optional<Opened> open(String name) throws IOException;

    boolean exists(String name) throws IOException;

    /** Removes the file; nothing happens when there is none. */
    void delete(String name) throws IOException;

    /** A private folder for uploads on their way in, on this node. */
    Path incoming();
}
