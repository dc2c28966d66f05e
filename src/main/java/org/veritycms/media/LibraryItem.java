package org.veritycms.media;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One file in the media library and how it is described. An image has alt text or is marked
 * decorative (then its alt text is empty); video and audio have a transcript or captions. The file
 * itself never changes (it is named by its SHA-256); its description does, under a version check.
 */
@Entity
@Table(name = "library_item")
public class LibraryItem {

    /** The public address library files are served under. */
    public static final String URL_PREFIX = "/media/library/";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "library_item_seq")
    @SequenceGenerator(name = "library_item_seq", sequenceName = "library_item_seq", allocationSize = 50)
    private Long id;

    @Column(name = "content_hash", nullable = false, updatable = false, unique = true)
    private String contentHash;

    @Enumerated(EnumType.STRING)
    @Column(name = "file_type", nullable = false, updatable = false)
    private FileType fileType;

    @Column(name = "original_name", nullable = false, updatable = false)
    private String originalName;

    @Column(name = "size_bytes", nullable = false, updatable = false)
    private long sizeBytes;

    @Column(nullable = false)
    private String title;

    @Column(name = "alt_text")
    private String altText;

    @Column(nullable = false)
    private boolean decorative;

    private String transcript;

    @Column(name = "captions_hash")
    private String captionsHash;

    private Integer width;

    private Integer height;

    @Column(name = "rendition_widths", nullable = false, updatable = false)
    private String renditionWidths;

    @Column(name = "uploaded_by", nullable = false, updatable = false)
    private String uploadedBy;

    @Column(name = "uploaded_at", nullable = false, updatable = false)
    private Instant uploadedAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected LibraryItem() {
    }

    /** A stored file: its hash, type, name as uploaded, size, pixel size (images) and captions (video, audio). */
    public record StoredFile(String hash, FileType type, String originalName, long size, Renditions.Size pixels,
            List<Integer> renditionWidths, String captionsHash) {
    }

    LibraryItem(StoredFile file, Description description, String uploadedBy, Instant now) {
        this.contentHash = Objects.requireNonNull(file.hash());
        this.fileType = Objects.requireNonNull(file.type());
        this.originalName = file.originalName();
        this.sizeBytes = file.size();
        this.width = file.pixels() == null ? null : file.pixels().width();
        this.height = file.pixels() == null ? null : file.pixels().height();
        this.renditionWidths = String.join(",", file.renditionWidths().stream().map(String::valueOf).toList());
        this.captionsHash = file.captionsHash();
        this.uploadedBy = uploadedBy;
        this.uploadedAt = now;
        apply(description, now);
    }

    /** New words for this item, checked against its kind. */
    void describe(Description description, Instant now) {
        apply(description, now);
    }

    private void apply(Description d, Instant now) {
        d.requireFitFor(fileType.kind(), captionsHash != null);
        this.title = d.title();
        this.decorative = fileType.kind() == LibraryKind.IMAGE && d.decorative();
        this.altText = fileType.kind() == LibraryKind.IMAGE && !decorative ? d.altText() : null;
        this.transcript = fileType.kind().needsTranscript() ? d.transcript() : null;
        this.updatedAt = now;
    }

    /** The public address of the file. */
    public String url() {
        return URL_PREFIX + fileName();
    }

    public String fileName() {
        return contentHash + "." + fileType.extension();
    }

    /** The stored name of the rendition at this width. */
    public String renditionName(int w) {
        return contentHash + "-" + w + "w." + fileType.renditionExtension().orElseThrow();
    }

    public List<Integer> renditionWidths() {
        return renditionWidths.isEmpty() ? List.of() : Arrays.stream(renditionWidths.split(",")).map(Integer::valueOf).toList();
    }

    /** The captions file's stored name, when there is one. */
    public String captionsName() {
        return captionsHash == null ? null : captionsHash + "." + FileType.VTT.extension();
    }

    /** Every stored name this item owns: its file and its renditions (captions may be shared, so not them). */
    public List<String> ownFiles() {
        List<String> names = new java.util.ArrayList<>();
        names.add(fileName());
        renditionWidths().forEach(w -> names.add(renditionName(w)));
        return names;
    }

    public Description description() {
        return new Description(title, altText, decorative, transcript);
    }

    public Long id() { return id; }
    public String contentHash() { return contentHash; }
    public FileType fileType() { return fileType; }
    public LibraryKind kind() { return fileType.kind(); }
    public String originalName() { return originalName; }
    public long sizeBytes() { return sizeBytes; }
    public String title() { return title; }
    public String altText() { return altText; }
    public boolean decorative() { return decorative; }
    public String transcript() { return transcript; }
    public String captionsHash() { return captionsHash; }
    public Integer width() { return width; }
    public Integer height() { return height; }
    public String uploadedBy() { return uploadedBy; }
    public Instant uploadedAt() { return uploadedAt; }
    public Instant updatedAt() { return updatedAt; }
    public long version() { return version; }
}
