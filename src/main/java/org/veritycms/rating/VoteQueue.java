package org.veritycms.rating;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.veritycms.shared.Problem;
import org.veritycms.shared.ProblemException;
import org.veritycms.shared.RateLimits;

/**
 * Readers' votes, written together, in two steps that overlap: one thread takes every vote that
 * has come in and counts them against the rate limits with one statement per bucket, while a
 * writer takes every vote admitted since it wrote the last ones and records them in one
 * transaction ({@link RatingService#write}); each reader is answered once the
 * transaction holding their vote has committed, with the page's counts as of that commit. Under
 * load a transaction carries many votes, so the database commits far fewer times than it receives
 * votes, as it does for its own log; alone, a vote is written at once. When a transaction fails,
 * its votes are written again one by one, so that one bad vote refuses only itself. More threads
 * may write at once ({@code verity.ratings.writers}), each counting in a row of its own.
 */
@ApplicationScoped
public class VoteQueue {

    private static final Logger LOG = Logger.getLogger(VoteQueue.class.getName());

    /** A vote not written by then is answered 503; it may still be written, and sent again it replaces itself. */
    private static final long ANSWER_WITHIN_SECONDS = 30;

    @Resource
    ManagedThreadFactory threads;

    @Inject
    RatingService ratings;

    @Inject
    RateLimits limits;

    @Inject
    @ConfigProperty(name = "verity.ratings.batch", defaultValue = "200")
    int batch;

    /**
     * Threads writing votes at once. One is the default: on two cores two writers wrote fewer votes
     * a second than one, as each wrote smaller groups.
     */
    @Inject
    @ConfigProperty(name = "verity.ratings.writers", defaultValue = "1")
    int writers;

    /** Votes as they came in, for the thread counting them against the rate limits. */
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    /** Votes the rate limits admitted, for the writers: one group is counted while the last is written. */
    private final BlockingQueue<Pending> admitted = new LinkedBlockingQueue<>();
    private volatile boolean running = true;
    private final List<Thread> threadsWriting = new ArrayList<>();
    private volatile boolean started;

    /** A vote waiting to be written: the ballot, whom the rate limits count it for, and the reader's answer. */
    private record Pending(RatingService.Ballot ballot, RateLimits.ReaderWrite counted,
            CompletableFuture<RatingService.Vote> answer) {
    }

    /**
     * Queues a vote; the answer completes after the commit that holds it, with a {@link TimeoutException}
     * when that takes over {@value #ANSWER_WITHIN_SECONDS} seconds ({@link #refusal}), or with the problem that
     * refused it (429 from the rate limits, 404, 410 or 409 from {@link RatingService#write}).
     */
    public CompletableFuture<RatingService.Vote> submit(RatingService.Ballot ballot, Optional<String> knownReader,
            String address) {
        CompletableFuture<RatingService.Vote> answer = new CompletableFuture<>();
        if (!running) {
            answer.completeExceptionally(stopping());
            return answer;
        }
        if (!started) {
            startWriter();
        }
        queue.add(new Pending(ballot, new RateLimits.ReaderWrite(knownReader, address), answer));
        return answer.orTimeout(ANSWER_WITHIN_SECONDS, TimeUnit.SECONDS);
    }

    /** {@link #submit}, waiting for the answer: the vote, or the refusal thrown as it was. */
    public RatingService.Vote rate(RatingService.Ballot ballot, Optional<String> knownReader, String address) {
        try {
            return submit(ballot, knownReader, address).get();
        } catch (ExecutionException e) {
            if (refusal(e.getCause()) instanceof RuntimeException refusal) {
                throw refusal;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw stopping();
        }
    }

    private synchronized void startWriter() {
        if (!started) {
            started = true;
            startThread("verity-votes-admit", () -> takeWhileRunning(queue, this::admit));
            for (int i = 0; i < Math.max(1, writers); i++) {
                int writer = i;
                startThread("verity-votes-" + i, () -> takeWhileRunning(admitted, votes -> write(votes, writer)));
            }
        }
    }

    private void startThread(String name, Runnable work) {
        Thread thread = threads.newThread(work);
        thread.setName(name);
        thread.setDaemon(true);
        threadsWriting.add(thread);
        thread.start();
    }

    @PreDestroy
    void stop() {
        running = false;
        List<Thread> writing;
        synchronized (this) {
            writing = List.copyOf(threadsWriting);
        }
        for (Thread thread : writing) {
            try {
                thread.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        List<Pending> left = new ArrayList<>();
        queue.drainTo(left);
        admitted.drainTo(left);
        left.forEach(p -> p.answer().completeExceptionally(stopping()));
    }

    /** Takes every vote waiting in a queue, up to a batch, and hands them on together, until the queue stops. */
    private void takeWhileRunning(BlockingQueue<Pending> from, Consumer<List<Pending>> handle) {
        List<Pending> votes = new ArrayList<>();
        while (running) {
            try {
                Pending first = from.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                votes.add(first);
                from.drainTo(votes, Math.max(0, batch - 1));
                handle.accept(votes);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Could not write readers' votes", e);
                votes.forEach(p -> p.answer().completeExceptionally(e));
            } finally {
                votes.clear();
            }
        }
    }

    /** Counts votes against the rate limits: those over are answered 429, the rest wait for a writer. */
    private void admit(List<Pending> votes) {
        List<OptionalLong> waits = limits.admitReaders("rating", votes.stream().map(Pending::counted).toList());
        for (int i = 0; i < votes.size(); i++) {
            if (waits.get(i).isPresent()) {
                votes.get(i).answer().completeExceptionally(ProblemException.tooManyRequests(waits.get(i).getAsLong()));
            } else {
                admitted.add(votes.get(i));
            }
        }
    }

    private void write(List<Pending> admitted, int writer) {
        RatingService.Written written;
        try {
            written = ratings.write(admitted.stream().map(Pending::ballot).toList(), writer);
        } catch (RuntimeException failed) {
            if (admitted.size() == 1) {
                throw failed;
            }
            admitted.forEach(vote -> writeAlone(vote, writer));
            return;
        }
        announce(written);
        for (int i = 0; i < admitted.size(); i++) {
            answer(admitted.get(i), written.counted().get(i));
        }
    }

    private void writeAlone(Pending vote, int writer) {
        try {
            RatingService.Written written = ratings.write(List.of(vote.ballot()), writer);
            announce(written);
            answer(vote, written.counted().get(0));
        } catch (RuntimeException failed) {
            vote.answer().completeExceptionally(failed);
        }
    }

    /**
     * Tells of the rated pages before anyone is answered, so that a reader who looks at the page
     * again sees their vote. The votes have committed: a failure here is logged, not answered.
     */
    private void announce(RatingService.Written written) {
        try {
            ratings.announce(written.rated());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not tell of new ratings of " + written.rated(), e);
        }
    }

    private static void answer(Pending vote, RatingService.Counted counted) {
        if (counted.refused() != null) {
            vote.answer().completeExceptionally(counted.refused());
        } else {
            vote.answer().complete(counted.vote());
        }
    }

    /** Why a vote's answer failed, as its reader is told: a vote not written in time is a 503. */
    public static Throwable refusal(Throwable failure) {
        return failure instanceof TimeoutException ? notWrittenInTime() : failure;
    }

    private static ProblemException notWrittenInTime() {
        return new ProblemException(Problem.of(503, "unavailable", "Service briefly unavailable",
                "Your rating could not be saved in time. Please send it again in a moment."), 5);
    }

    private static ProblemException stopping() {
        return new ProblemException(Problem.of(503, "unavailable", "Service briefly unavailable",
                "The site is restarting. Please send your rating again in a moment."), 5);
    }
}
