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

/** An immutable snapshot of a page taken at each save. */
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

    @Column(nullable = false, updatable = false)
    private String author;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "change_note", nullable = false, updatable = false)
    private String changeNote;

    @Column(nullable = false, updatable = false)
    private String title;

    @Column(nullable = false, updatable = false)
    private String summary;

    @Column(name = "body_markdown", nullable = false, updatable = false)
    private String bodyMarkdown;

    @Column(name = "content_hash", nullable = false, updatable = false)
    private String contentHash;

    /** The whole page as its content file reads; absent on revisions taken before it was kept. */
    @Column(updatable = false)
    private String document;

    protected PageRevision() {
    }

    public PageRevision(Page page, int number, String author, String changeNote, Instant createdAt) {
        if (number < 1) {
            throw new IllegalArgumentException("Revision numbers start at 1");
        }
        this.page = page;
        this.number = number;
        this.author = author;
        this.changeNote = changeNote == null || changeNote.isBlank() ? "(no note)" : changeNote.strip();
        this.createdAt = createdAt;
        this.title = page.title();
        this.summary = page.summary();
        this.bodyMarkdown = page.bodyMarkdown();
        this.contentHash = page.contentHash();
        this.document = PageDocument.of(page);
    }

    public Long id() { return id; }
    public Page page() { return page; }
    public int number() { return number; }
    public String author() { return author; }
    public Instant createdAt() { return createdAt; }
    public String changeNote() { return changeNote; }
    public String title() { return title; }
    public String summary() { return summary; }
    public String bodyMarkdown() { return bodyMarkdown; }
    public String contentHash() { return contentHash; }

    /** The page as it read at this revision, front matter and body; older revisions fall back to title and body. */
    public String document() {
        return document != null ? document : "---\ntitle: " + title + "\nsummary: " + summary + "\n---\n" + bodyMarkdown;
    }
}
