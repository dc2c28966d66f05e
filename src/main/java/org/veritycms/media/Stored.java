package org.veritycms.media;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Puts an accepted upload into the store: the file, its renditions (images) and its captions,
 * noting each name it added, so that a failure afterwards can take exactly those away again.
 */
final class Stored {

    private final MediaStore store;
    private final List<String> added;

    Stored(MediaStore store, List<String> added) {
        this.store = store;
        this.added = added;
    }

    LibraryItem.StoredFile keep(MediaLibrary.Upload upload, FileType type) throws IOException {
        Spooled file = upload.file();
        Renditions.Size pixels = null;
        List<Integer> widths = List.of();
        if (type.kind() == LibraryKind.IMAGE) {
            pixels = Renditions.size(file.file(), type);
            widths = type.renditionExtension().isPresent() ? Renditions.widthsFor(pixels.width()) : List.of();
            if (!widths.isEmpty()) {
                renditions(file, type, widths);
            }
        }
        String captionsHash = null;
        if (upload.captions() != null && !upload.captions().isEmpty()) {
            captionsHash = upload.captions().sha256();
            put(captionsHash + "." + FileType.VTT.extension(), upload.captions().file());
        }
        put(file.sha256() + "." + type.extension(), file.file());
        return new LibraryItem.StoredFile(file.sha256(), type, originalName(upload.originalName()), file.size(), pixels,
                widths, captionsHash);
    }

    private void renditions(Spooled file, FileType type, List<Integer> widths) throws IOException {
        BufferedImage image = Renditions.decode(file.file(), type);
        String extension = type.renditionExtension().orElseThrow();
        for (int w : widths) {
            Path out = Files.createTempFile(store.incoming(), "rendition-", ".part");
            try {
                Renditions.write(image, w, extension, out);
                put(file.sha256() + "-" + w + "w." + extension, out);
            } finally {
                Files.deleteIfExists(out);
            }
        }
    }

    private void put(String name, Path from) throws IOException {
        boolean had = store.exists(name);
        store.put(name, from);
        if (!had) {
            added.add(name);
        }
    }

    /** The name the file had on the editor's computer, as plain text of at most 200 characters. */
    static String originalName(String name) {
        if (name == null) {
            return "";
        }
        String last = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        String plain = last.codePoints().filter(c -> !Character.isISOControl(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString().strip();
        return plain.length() > 200 ? plain.substring(0, 200) : plain;
    }

}
