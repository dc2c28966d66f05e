package org.veritycms.scheduling;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** One run of a scheduled job: when, where, how it ended and how many items it touched. */
@Entity
@Table(name = "job_run")
public class JobRun {

    /** How a run ended. */
    public enum Outcome { RUNNING, SUCCEEDED, FAILED }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "job_run_seq")
    @SequenceGenerator(name = "job_run_seq", sequenceName = "job_run_seq", allocationSize = 50)
    private Long id;

    @Column(nullable = false, updatable = false)
    private String job;

    @Column(nullable = false, updatable = false)
    private String node;

    @Column(name = "started_at", nullable = false, updatable = false)
    private Instant startedAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    @Column(nullable = false)
    private Outcome outcome;

    @Column(nullable = false)
    private int items;

    private String message;

    protected JobRun() {
    }

    JobRun(String job, String node, Instant startedAt) {
        this.job = job;
        this.node = node;
        this.startedAt = startedAt;
        this.outcome = Outcome.RUNNING;
    }

    void finish(Outcome result, int touched, String note, Instant at) {
        this.outcome = result;
        this.items = touched;
        this.message = note == null ? null : note.substring(0, Math.min(1000, note.length()));
        this.finishedAt = at;
    }

    public Long id() { return id; }
    public String job() { return job; }
    public String node() { return node; }
    public Instant startedAt() { return startedAt; }
    public Instant finishedAt() { return finishedAt; }
    public Outcome outcome() { return outcome; }
    public int items() { return items; }
    public String message() { return message; }
}
