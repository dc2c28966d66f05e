package org.veritycms.page;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.util.Objects;

/** A group of pages (exercise, yoga, ...): data, not an enum, so editors can add more. */
@Entity
@Table(name = "topic")
public class Topic {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "topic_seq")
    @SequenceGenerator(name = "topic_seq", sequenceName = "topic_seq", allocationSize = 50)
    private Long id;

    @Column(nullable = false, unique = true)
    private String slug;

    @Column(nullable = false)
    private String title;

    @Column(nullable = false)
    private String description;

    @Enumerated(EnumType.STRING)
    @Column(name = "default_tier", nullable = false)
    private RiskTier defaultTier;

    @Column(nullable = false)
    private int position;

    protected Topic() {
    }

    public Topic(Slug slug, String title, String description, RiskTier defaultTier, int position) {
        this.slug = slug.value();
        describe(title, description, defaultTier, position);
    }

    public final void describe(String title, String description, RiskTier defaultTier, int position) {
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("A topic needs a title");
        }
        this.title = title.strip();
        this.description = description == null ? "" : description.strip();
        this.defaultTier = Objects.requireNonNull(defaultTier, "default tier");
        this.position = position;
    }

    public Long id() {
        return id;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    public String description() {
        return description;
    }

    public RiskTier defaultTier() {
        return defaultTier;
    }

    public int position() {
        return position;
    }
}
