package org.veritycms.moderation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The editable word lists: {@code banned-words.txt}, {@code suspect-words.txt} and
 * {@code safeguarding-phrases.txt}. A file of that name in {@code verity.comments.lists.dir}
 * wins over the one bundled with the application, and is read again whenever it changes.
 */
@ApplicationScoped
public class WordLists {

    public static final String BANNED = "banned-words.txt";
    public static final String SUSPECT = "suspect-words.txt";
    public static final String SAFEGUARDING = "safeguarding-phrases.txt";

    private static final Logger LOG = Logger.getLogger(WordLists.class.getName());

    /** A list as read, and the modification time of the file it came from (null when bundled). */
    private record Loaded(PhraseList list, FileTime modified) {
    }

    private final Optional<Path> folder;
    private final Map<String, Loaded> loaded = new ConcurrentHashMap<>();

    @Inject
    public WordLists(@ConfigProperty(name = "verity.comments.lists.dir") Optional<String> folder) {
        this.folder = folder.filter(s -> !s.isBlank()).map(Path::of);
    }

    protected WordLists() {
        this(Optional.empty());
    }

    public PhraseList banned() {
        return list(BANNED);
    }

    public PhraseList suspect() {
        return list(SUSPECT);
    }

    public PhraseList safeguarding() {
        return list(SAFEGUARDING);
    }

    private PhraseList list(String name) {
        Optional<Path> file = folder.map(f -> f.resolve(name)).filter(Files::isRegularFile);
        if (file.isPresent()) {
            try {
                FileTime modified = Files.getLastModifiedTime(file.get());
                Loaded current = loaded.get(name);
                if (current == null || !modified.equals(current.modified())) {
                    current = new Loaded(PhraseList.parse(Files.readString(file.get(), StandardCharsets.UTF_8)), modified);
                    loaded.put(name, current);
                    int size = current.list().size();
                    LOG.info(() -> "Word list " + file.get() + " read: " + size + " entries");
                }
                return current.list();
            } catch (IOException e) {
                LOG.warning(() -> "Cannot read word list " + file.get() + " (" + e.getMessage() + "); using the bundled one");
            }
        }
        Loaded bundled = loaded.get(name);
        if (bundled == null || bundled.modified() != null) {
            bundled = new Loaded(PhraseList.parse(bundledText(name)), null);
            loaded.put(name, bundled);
        }
        return bundled.list();
    }

    private static String bundledText(String name) {
        try (InputStream in = WordLists.class.getResourceAsStream("/moderation/" + name)) {
            if (in == null) {
                throw new IllegalStateException("The bundled word list " + name + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
