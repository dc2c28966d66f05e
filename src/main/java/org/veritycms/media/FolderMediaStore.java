package org.veritycms.media;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.regex.Pattern;
import org.veritycms.shared.DataFolder;

/**
 * The media store on the file system: {@code media-library/} under the data folder (shared storage
 * when several nodes run), uploads spooled in {@code media-incoming/} beside it. Only names of the
 * store's own shape are accepted, so no request can reach another file.
 */
@ApplicationScoped
public class FolderMediaStore implements MediaStore {

    static final Pattern NAME = Pattern.compile("[0-9a-f]{64}(-[0-9]{2,5}w)?\\.[a-z0-9]{2,4}");

    private final DataFolder data;

    @Inject
    public FolderMediaStore(DataFolder data) {
        this.data = data;
    }

    protected FolderMediaStore() {
        this.data = null;
    }

    @Override
    public void put(String name, Path file) throws IOException {
        Path target = path(name);
        if (Files.exists(target)) {
            Files.deleteIfExists(file);
            return;
        }
        try {
            Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException | FileAlreadyExistsException e) {
            if (!Files.exists(target)) {
                Path part = Files.createTempFile(target.getParent(), name, ".part");
                Files.copy(file, part, StandardCopyOption.REPLACE_EXISTING);
                Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
            }
            Files.deleteIfExists(file);
        }
    }

    @Override
    public Optional<Opened> open(String name) throws IOException {
        if (!NAME.matcher(name).matches()) {
            return Optional.empty();
        }
        Path file = path(name);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        return Optional.of(new Opened(Files.newInputStream(file), Files.size(file)));
    }

    @Override
    public boolean exists(String name) {
        return NAME.matcher(name).matches() && Files.isRegularFile(path(name));
    }

    @Override
    public void delete(String name) throws IOException {
        Files.deleteIfExists(path(name));
    }

    @Override
    public Path incoming() {
        return data.resolve("media-incoming");
    }

    private Path path(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Not a media store name: " + name);
        }
        return data.resolve("media-library").resolve(name);
    }
}
