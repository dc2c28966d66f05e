package org.veritycms.media;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.veritycms.audit.AuditLog;
import org.veritycms.shared.Problem;
import org.veritycms.shared.ProblemException;

/**
 * The library's use cases: upload (checked by content, stored by hash, images with renditions),
 * describe, delete (refused while any page uses the item), and the reads the screens and the public
 * pages need. Each change is audited in its own transaction; files are removed only once the
 * deletion has committed.
 */
@ApplicationScoped
public class MediaLibrary {

    private static final Logger LOG = Logger.getLogger(MediaLibrary.class.getName());

    /** What an upload brought: the file, the name it had, captions when sent, and the words. */
    public record Upload(Spooled file, String originalName, Spooled captions, Description description) {
    }

    /** The item an upload gave; {@code existing} when the same bytes were already in the library. */
    public record Uploaded(LibraryItem item, boolean existing) {
    }

    /** Files no item owns any more, to remove once that is committed. */
    record FilesReleased(List<String> names) {
    }

    @PersistenceContext(unitName = "verity")
    EntityManager em;

    @Inject
    MediaStore store;

    @Inject
    MediaUsage usage;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    @Inject
    Event<FilesReleased> released;

    @Inject
    @ConfigProperty(name = "verity.media.max-bytes", defaultValue = "52428800")
    long maxBytes;

    /** The largest file the library takes, in bytes. */
    public long maxBytes() {
        return maxBytes;
    }

    @Transactional
    public Uploaded upload(Upload upload, String actor) {
        Checked checked = check(upload);
        Optional<LibraryItem> same = byHash(upload.file().sha256());
        if (same.isPresent()) {
            return new Uploaded(same.get(), true);
        }
        List<String> added = new ArrayList<>();
        try {
            LibraryItem.StoredFile stored = new Stored(store, added).keep(upload, checked.type());
            LibraryItem item = new LibraryItem(stored, upload.description(), actor, clock.instant());
            em.persist(item);
            em.flush();
            audit.record(actor, "media.upload", "media", item.fileName(), null, snapshot(item));
            return new Uploaded(item, false);
        } catch (IOException e) {
            forget(added);
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            forget(added);
            throw e;
        }
    }

    private record Checked(FileType type) {
    }

    /** Every refusal an upload earns, at once, before anything is stored. */
    private static Checked check(Upload upload) {
        List<Problem.FieldError> errors = new ArrayList<>();
        FileType type = null;
        if (upload.file() == null || upload.file().isEmpty()) {
            errors.add(new Problem.FieldError("file", "is required: choose a file to upload"));
        } else {
            type = fieldType(upload.file(), "file", errors);
            if (type == FileType.VTT) {
                errors.add(new Problem.FieldError("file", "is a captions file: send it in the captions field, with its video or audio"));
                type = null;
            }
        }
        boolean hasCaptions = upload.captions() != null && !upload.captions().isEmpty();
        if (hasCaptions) {
            FileType captions = fieldType(upload.captions(), "captions", errors);
            if (captions != null && captions != FileType.VTT) {
                errors.add(new Problem.FieldError("captions", "must be a WebVTT file (starting WEBVTT)"));
            } else if (type != null && !type.kind().needsTranscript()) {
                errors.add(new Problem.FieldError("captions", "go with video or audio only"));
            }
        }
        if (type != null) {
            errors.addAll(upload.description().problemsFor(type.kind(), hasCaptions));
        }
        if (!errors.isEmpty()) {
            throw MediaRefused.fields(errors);
        }
        return new Checked(type);
    }

    private static FileType fieldType(Spooled file, String field, List<Problem.FieldError> errors) {
        try {
            return ContentTypes.detect(file.file(), field);
        } catch (ProblemException e) {
            errors.addAll(e.problem().fieldErrors());
            return null;
        }
    }

    @Transactional
    public LibraryItem describe(long id, long expectedVersion, Description description, String actor) {
        LibraryItem item = require(id, expectedVersion);
        Map<String, Object> before = snapshot(item);
        item.describe(description, clock.instant());
        Map<String, Object> after = snapshot(item);
        if (!after.equals(before)) {
            audit.record(actor, "media.update", "media", item.fileName(), before, after);
        }
        return item;
    }

    @Transactional
    public void delete(long id, long expectedVersion, String actor) {
        LibraryItem item = require(id, expectedVersion);
        List<MediaUsage.Use> uses = usage.of(item);
        if (!uses.isEmpty()) {
            throw ProblemException.conflict("media-in-use", "This item is used by "
                    + uses.stream().map(MediaUsage.Use::pageTitle).distinct().collect(Collectors.joining(", "))
                    + ". Take it off those pages (and their unpublished changes) before deleting it.");
        }
        List<String> files = new ArrayList<>(item.ownFiles());
        if (item.captionsHash() != null && em.createQuery("select count(i) from LibraryItem i where i.captionsHash = :h",
                Long.class).setParameter("h", item.captionsHash()).getSingleResult() == 1) {
            files.add(item.captionsName());
        }
        audit.record(actor, "media.delete", "media", item.fileName(), snapshot(item), null);
        em.remove(item);
        released.fire(new FilesReleased(files));
    }

    void removeFiles(@Observes(during = TransactionPhase.AFTER_SUCCESS) FilesReleased files) {
        forget(files.names());
    }

    /**
     * The words a page shows for this video or audio: its transcript, or else the text of its
     * captions. Empty for other kinds.
     */
    public String transcriptOf(LibraryItem item) {
        if (item.transcript() != null || item.captionsName() == null) {
            return item.transcript() == null ? "" : item.transcript();
        }
        try {
            Optional<MediaStore.Opened> captions = store.open(item.captionsName());
            if (captions.isEmpty()) {
                return "";
            }
            try (var in = captions.get().stream()) {
                return CaptionText.of(new String(in.readNBytes(2_000_000), java.nio.charset.StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Items that can go on a page's media list (images, video, audio), newest first. */
    public List<LibraryItem> forPages() {
        return em.createQuery("select i from LibraryItem i where i.fileType not in :kinds order by i.uploadedAt desc, i.id desc",
                LibraryItem.class).setParameter("kinds", List.of(FileType.PDF, FileType.VTT)).setMaxResults(500).getResultList();
    }

    public List<LibraryItem> list() {
        return em.createQuery("select i from LibraryItem i order by i.uploadedAt desc, i.id desc", LibraryItem.class)
                .setMaxResults(500).getResultList();
    }

    public Optional<LibraryItem> find(long id) {
        return Optional.ofNullable(em.find(LibraryItem.class, id));
    }

    /** The library item a page's media address names, when it is one. */
    public Optional<LibraryItem> bySrc(String src) {
        if (src == null || !src.startsWith(LibraryItem.URL_PREFIX)) {
            return Optional.empty();
        }
        String name = src.substring(LibraryItem.URL_PREFIX.length());
        int dot = name.indexOf('.');
        return dot == 64 ? byHash(name.substring(0, dot)) : Optional.empty();
    }

    private Optional<LibraryItem> byHash(String hash) {
        return em.createQuery("select i from LibraryItem i where i.contentHash = :h", LibraryItem.class)
                .setParameter("h", hash).getResultStream().findFirst();
    }

    private LibraryItem require(long id, long expectedVersion) {
        LibraryItem item = find(id).orElseThrow(() -> ProblemException.notFound("There is no media library item " + id + "."));
        if (item.version() != expectedVersion) {
            throw ProblemException.conflict("stale-version", "Someone else changed this item after you opened it."
                    + " Its current description is shown; make your change again.");
        }
        return item;
    }

    private void forget(List<String> names) {
        for (String name : names) {
            try {
                store.delete(name);
            } catch (IOException | RuntimeException e) {
                LOG.warning("Could not remove media file " + name + ": " + e.getMessage());
            }
        }
    }

    private static Map<String, Object> snapshot(LibraryItem item) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("title", item.title());
        m.put("type", item.fileType().name());
        m.put("altText", item.altText());
        m.put("decorative", item.decorative());
        m.put("transcript", item.transcript());
        m.put("captions", item.captionsName());
        return m;
    }
}
