package org.veritycms.page;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Objects;

/** The clinician named as the page's reviewer, with their profession. */
@Embeddable
public class Reviewer {

    @Column(name = "reviewed_by_name")
    private String name;

    @Column(name = "reviewed_by_profession")
    private String profession;

    protected Reviewer() {
    }

    public Reviewer(String name, String profession) {
        this.name = name;
        this.profession = profession;
    }

    public String name() {
        return name;
    }

    public String profession() {
        return profession;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Reviewer other && Objects.equals(name, other.name) && Objects.equals(profession, other.profession);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, profession);
    }
}
