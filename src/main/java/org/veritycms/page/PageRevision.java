package org.veritycms.page;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;
import org.veritycms.shared.ContentHash;

/**
 * An immutable snapshot of a page's content taken at each save: its canonical document (see
 * {@link PageDocument}) and that document's SHA-256, the revision it was made from, who wrote it
 * and why, and whether its author declared it a non-clinical correction.
 */
@Entity
@Immutable
@Table(name = "page_revision")
public class PageRevision {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "page_revision_seq")
    @SequenceGenerator(name = "page_revision_seq", sequenceName = "page_revision_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "page_id", updatable = false)
    private Page page;

    @Column(nullable = false, updatable = false)
    private int number;

    /** The revision this one was edited from; null for a page's first revision. */
    @Column(name = "parent_number", updatable = false)
    private Integer parent;

    @Column(nullable = false, updatable = false)
    private String author;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "change_note", nullable = false, updatable = false)
    private String changeNote;

    @Column(name = "non_clinical", nullable = false, updatable = false)
    private boolean nonClinical;

    @Column(nullable = false, updatable = false)
    private String title;

    @Column(nullable = false, updatable = false)
    private String summary;

    @Column(name = "body_markdown", nullable = false, updatable = false)
    private String bodyMarkdown;

    @Column(name = "content_hash", nullable = false, updatable = false)
    private String contentHash;

    @Column(updatable = false)
    private String document;

    protected PageRevision() {
    }

    /** What an author wrote, and how they describe it. */
    public record Authorship(String author, String changeNote, boolean nonClinical) {
        public Authorship {
            if (author == null || author.isBlank()) {
                throw new IllegalArgumentException("A revision needs its author");
            }
            changeNote = changeNote == null || changeNote.isBlank() ? null : changeNote.strip();
            if (nonClinical && changeNote == null) {
                throw new IllegalArgumentException("A non-clinical change needs a note saying what was corrected");
            }
        }

        public static Authorship of(String author, String changeNote) {
            return new Authorship(author, changeNote, false);
        }
    }

    /** {@code document} is the canonical document of {@code source} ({@code PageDocument.canonical}), written by the page. */
    PageRevision(Page page, int number, Integer parent, PageSource source, String document, Authorship by, Instant createdAt) {
        if (number < 1) {
            throw new IllegalArgumentException("Revision numbers start at 1");
        }
        this.page = page;
        this.number = number;
        this.parent = parent;
        this.author = by.author();
        this.changeNote = by.changeNote() == null ? "(no note)" : by.changeNote();
        this.nonClinical = by.nonClinical();
        this.createdAt = createdAt;
        this.title = source.title();
        this.summary = source.summary();
        this.bodyMarkdown = source.bodyMarkdown();
        this.document = document;
        this.contentHash = ContentHash.of(document);
    }

    public Long id() { return id; }
    public Page page() { return page; }
    public int number() { return number; }
    public Integer parent() { return parent; }
    public String author() { return author; }
    public Instant createdAt() { return createdAt; }
    public String changeNote() { return changeNote; }
    public boolean nonClinical() { return nonClinical; }
    public String title() { return title; }
    public String summary() { return summary; }
    public String bodyMarkdown() { return bodyMarkdown; }
    /** SHA-256 of {@link #document()}. */
    public String contentHash() { return contentHash; }

    /** The canonical document of this revision. */
    public String document() {
        return document != null ? document : "---\ntitle: " + title + "\nsummary: " + summary + "\n---\n" + bodyMarkdown;
    }

    /** The content of this revision. */
    public PageSource source() {
        return PageDocument.read(document());
    }
}
