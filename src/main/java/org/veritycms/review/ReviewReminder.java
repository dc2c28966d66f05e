package org.veritycms.review;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/** A reminder stage reached by a page in one review cycle; sent to its owner in the daily digest. */
@Entity
@Table(name = "review_reminder")
public class ReviewReminder {

    @Id
    private Long id;

    @Column(name = "page_id", nullable = false, updatable = false)
    private long pageId;

    @Column(name = "cycle_due", nullable = false, updatable = false)
    private LocalDate cycleDue;

    @Column(nullable = false, updatable = false)
    private String stage;

    @Column(nullable = false, updatable = false)
    private String owner;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "notification_id")
    private Long notificationId;

    protected ReviewReminder() {
    }

    void includedIn(long notification) {
        this.notificationId = notification;
    }

    public Long id() { return id; }
    public long pageId() { return pageId; }
    public LocalDate cycleDue() { return cycleDue; }
    public String stage() { return stage; }
    public String owner() { return owner; }
    public Instant createdAt() { return createdAt; }
    public Long notificationId() { return notificationId; }
}
