package org.veritycms.shared;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Limits on public writes, kept in the database so that every node sees the same counts: token
 * buckets of {@code verity.rate-limit.public-writes} requests per client key and action, refilled
 * over {@code verity.rate-limit.window-seconds}; an action may have its own limit
 * ({@code verity.rate-limit.sign-in}). A reader's writes are counted per reader and per network
 * address ({@link #checkReader}). Each request, or each bucket of requests counted together
 * ({@link #admitReaders}), is one atomic upsert, outside the request's transaction.
 */
@ApplicationScoped
public class RateLimits {

    private static final Logger LOG = Logger.getLogger(RateLimits.class.getName());

    /**
     * Refilled in proportion to the time since the last request (none when a test moved the clock
     * back), at most full; {@code :limit} (and {@code :share}, the same as a fraction), {@code :window}
     * and {@code :now} (milliseconds) and {@code :wanted} (the requests counted at once) are bound as
     * parameters ({@link TakeStatement}), so the database plans the statement once, not once per request.
     */
    private static final String REFILLED = "least(:limit, t.tokens + greatest(0, :now - t.refilled_at) * :share / :window)";
    /** As many of the requests as there are whole tokens for. */
    private static final String GRANTED = "least(:wanted, floor(" + REFILLED + "))";
    private static final String TAKEN = "tokens = " + REFILLED + " - " + GRANTED + ", refilled_at = :now, granted = "
            + REFILLED + " >= 1, taken = " + GRANTED;
    private static final String FIRST = "least(:wanted, :limit)";
    private static final String POSTGRESQL_TAKE = "insert into rate_limit as t (bucket, tokens, refilled_at, granted, taken)"
            + " values (:bucket, :limit - " + FIRST + ", :now, :limit >= 1, " + FIRST + ") on conflict (bucket) do update set " + TAKEN
            + " returning taken, tokens";
    private static final String H2_TAKE = "select taken, tokens from final table (merge into rate_limit t using"
            + " (values (cast(:bucket as varchar(64)))) s (bucket) on t.bucket = s.bucket when matched then update set " + TAKEN
            + " when not matched then insert (bucket, tokens, refilled_at, granted, taken) values (s.bucket, :limit - " + FIRST
            + ", :now, :limit >= 1, " + FIRST + "))";

    /**
     * A take statement with its named values turned into typed JDBC parameters, in order: the
     * bucket, the limit, window and now as whole numbers, the limit as a fraction where it is
     * multiplied ({@code :share}, so that the product cannot overflow), the requests wanted.
     */
    private record TakeStatement(String sql, List<String> names) {

        private static final java.util.regex.Pattern NAMED = java.util.regex.Pattern.compile(":(bucket|limit|share|window|now|wanted)\\b");

        static TakeStatement of(String named) {
            List<String> names = new ArrayList<>();
            java.util.regex.Matcher m = NAMED.matcher(named);
            StringBuilder sql = new StringBuilder();
            while (m.find()) {
                names.add(m.group(1));
                m.appendReplacement(sql, switch (m.group(1)) {
                    case "bucket" -> "?";
                    case "wanted" -> "cast(? as integer)";
                    case "share" -> "cast(? as double precision)";
                    default -> "cast(? as bigint)";
                });
            }
            m.appendTail(sql);
            return new TakeStatement(sql.toString(), List.copyOf(names));
        }

        void bind(PreparedStatement statement, String bucket, long limit, long window, long now, int wanted) throws SQLException {
            for (int i = 0; i < names.size(); i++) {
                switch (names.get(i)) {
                    case "bucket" -> statement.setString(i + 1, bucket);
                    case "limit" -> statement.setLong(i + 1, limit);
                    case "share" -> statement.setDouble(i + 1, limit);
                    case "window" -> statement.setLong(i + 1, window);
                    case "now" -> statement.setLong(i + 1, now);
                    default -> statement.setInt(i + 1, wanted);
                }
            }
        }
    }

    @Resource(lookup = "java:jboss/datasources/VerityNonJtaDS")
    DataSource dataSource;

    private final ServerSecret secret;
    private final SchemaMigration schema;
    private final Clock clock;
    private final long capacity;
    private final long windowSeconds;
    private final long perNetwork;
    private final long cookieless;
    private final AtomicLong purgedAt = new AtomicLong();
    private volatile TakeStatement take;

    @Inject
    public RateLimits(ServerSecret secret, SchemaMigration schema, Clock clock,
            @ConfigProperty(name = "verity.rate-limit.public-writes", defaultValue = "20") long capacity,
            @ConfigProperty(name = "verity.rate-limit.window-seconds", defaultValue = "60") long windowSeconds,
            @ConfigProperty(name = "verity.rate-limit.per-network", defaultValue = "200") long perNetwork,
            @ConfigProperty(name = "verity.rate-limit.cookieless", defaultValue = "5") long cookieless) {
        this.secret = secret;
        this.schema = schema;
        this.clock = clock;
        this.capacity = capacity;
        this.windowSeconds = Math.max(1, windowSeconds);
        this.perNetwork = perNetwork;
        this.cookieless = cookieless;
    }

    protected RateLimits() {
        this(null, null, null, 0, 1, 0, 0);
    }

    /**
     * A reader's write: counted per reader when their cookie is genuine, and always per network
     * address ({@code verity.rate-limit.per-network}, generous: many readers share an address).
     * Without a genuine cookie every request would be a new reader, so it is counted against the
     * address's much smaller cookieless allowance ({@code verity.rate-limit.cookieless}).
     */
    public void checkReader(String action, Optional<String> readerId, String address) {
        OptionalLong wait = admitReaders(action, List.of(new ReaderWrite(readerId, address))).get(0);
        if (wait.isPresent()) {
            throw ProblemException.tooManyRequests(wait.getAsLong());
        }
    }

    /** One reader's write, for {@link #admitReaders}: their genuine reader id, if any, and their network address. */
    public record ReaderWrite(Optional<String> readerId, String address) {
    }

    /**
     * Counts several readers' writes of one action together, with the same rules and the same result
     * as {@link #checkReader} for each in turn, in one statement per bucket however many writes share
     * it: for each write, in order, empty when it may go ahead, or the seconds to wait.
     */
    public List<OptionalLong> admitReaders(String action, List<ReaderWrite> writes) {
        List<Bucket> own = writes.stream().map(w -> w.readerId().isPresent()
                ? new Bucket(bucket(action, "reader:" + w.readerId().get()), capacityOf(action))
                : new Bucket(bucket(action, "cookieless:" + w.address()), cookieless)).toList();
        List<Bucket> network = writes.stream().map(w -> new Bucket(bucket(action, "network:" + w.address()), perNetwork)).toList();
        try (Connection c = dataSource.getConnection()) {
            List<OptionalLong> answers = admit(c, own, new ArrayList<>(Collections.nCopies(writes.size(), OptionalLong.empty())));
            return admit(c, network, answers);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not count requests against their rate limits", e);
        }
    }

    /** A bucket and its limit. */
    private record Bucket(String key, long limit) {
    }

    /**
     * Takes from each bucket for the writes still waiting for an answer, in order, as many as it has
     * tokens for; a write its bucket cannot serve gets the seconds until the bucket has a token.
     */
    private List<OptionalLong> admit(Connection c, List<Bucket> buckets, List<OptionalLong> answers) throws SQLException {
        Map<Bucket, Integer> wanted = new LinkedHashMap<>();
        for (int i = 0; i < buckets.size(); i++) {
            if (answers.get(i).isEmpty()) {
                wanted.merge(buckets.get(i), 1, Integer::sum);
            }
        }
        Map<Bucket, Grant> grants = new HashMap<>();
        for (Map.Entry<Bucket, Integer> w : wanted.entrySet()) {
            grants.put(w.getKey(), take(c, w.getKey().key(), w.getKey().limit(), w.getValue()));
        }
        Map<Bucket, Integer> served = new HashMap<>();
        for (int i = 0; i < buckets.size(); i++) {
            Bucket bucket = buckets.get(i);
            if (answers.get(i).isPresent()) {
                continue;
            }
            Grant grant = grants.get(bucket);
            if (served.merge(bucket, 1, Integer::sum) > grant.taken()) {
                answers.set(i, OptionalLong.of(secondsUntilOne(grant.left(), bucket.limit())));
            }
        }
        return answers;
    }

    /** Takes one request from the client's count for this action, or answers 429 with Retry-After. */
    public void check(String action, String clientKey) {
        check(action, clientKey, capacityOf(action));
    }

    private void check(String action, String clientKey, long limit) {
        Grant grant = take(bucket(action, clientKey), limit, 1);
        if (grant.taken() == 0) {
            throw ProblemException.tooManyRequests(secondsUntilOne(grant.left(), limit));
        }
    }

    /**
     * For limits on failures only: answers 429 when the client has used up this action's count,
     * without taking from it ({@link #spend} takes, once the attempt has failed).
     */
    public void requireLeft(String action, String clientKey) {
        long limit = capacityOf(action);
        double tokens = left(bucket(action, clientKey), limit);
        if (tokens < 1) {
            throw ProblemException.tooManyRequests(secondsUntilOne(tokens, limit));
        }
    }

    /** Takes one from the client's count for this action, whatever is left. */
    public void spend(String action, String clientKey) {
        take(bucket(action, clientKey), capacityOf(action), 1);
    }

    /** {@code verity.rate-limit.<action>} when set, otherwise the public-writes limit. */
    private long capacityOf(String action) {
        return ConfigProvider.getConfig().getOptionalValue("verity.rate-limit." + action, Long.class).orElse(capacity);
    }

    /** Neither the client key (an address, an e-mail address) nor the action is stored as written. */
    private String bucket(String action, String clientKey) {
        return secret.sign("rate-limit:" + action + "|" + clientKey);
    }

    private long windowMillis() {
        return windowSeconds * 1000;
    }

    private long secondsUntilOne(double tokens, long limit) {
        return Math.max(1, (long) Math.ceil((1 - tokens) * windowSeconds / Math.max(1, limit)));
    }

    /** What a bucket gave: how many of the requests it took tokens for, and the tokens left after them. */
    private record Grant(int taken, double left) {
    }

    /** Takes a token for each of {@code wanted} requests, as far as the bucket has whole tokens. */
    private Grant take(String bucket, long limit, int wanted) {
        try (Connection c = dataSource.getConnection()) {
            return take(c, bucket, limit, wanted);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not count a request against its rate limit", e);
        }
    }

    private Grant take(Connection c, String bucket, long limit, int wanted) throws SQLException {
        long now = clock.millis();
        purgeBefore(now);
        TakeStatement statement = takeStatement();
        for (int attempt = 0; ; attempt++) {
            try (PreparedStatement upsert = c.prepareStatement(statement.sql())) {
                statement.bind(upsert, bucket, limit, windowMillis(), now, wanted);
                try (ResultSet rs = upsert.executeQuery()) {
                    rs.next();
                    return new Grant(rs.getInt(1), rs.getDouble(2));
                }
            } catch (SQLException e) {
                // H2's merge may meet a first request for the same bucket at the same moment: once more finds its row
                if (attempt > 0 || !"23505".equals(e.getSQLState())) {
                    throw e;
                }
            }
        }
    }

    /** The tokens the client has now, without taking one. */
    private double left(String bucket, long limit) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement q = c.prepareStatement("select tokens, refilled_at from rate_limit where bucket = ?")) {
            q.setString(1, bucket);
            try (ResultSet rs = q.executeQuery()) {
                if (!rs.next()) {
                    return limit;
                }
                return Math.min(limit, rs.getDouble(1) + Math.max(0, clock.millis() - rs.getLong(2)) * (double) limit / windowMillis());
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read a rate limit", e);
        }
    }

    /** At most once a window on each node, buckets left alone for a whole window (full again) go. */
    private void purgeBefore(long now) {
        long last = purgedAt.get();
        if (Math.abs(now - last) < windowMillis() || !purgedAt.compareAndSet(last, now)) {
            return;
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement delete = c.prepareStatement("delete from rate_limit where refilled_at < ?")) {
            delete.setLong(1, now - windowMillis());
            delete.executeUpdate();
        } catch (SQLException e) {
            LOG.warning(() -> "Could not purge old rate-limit counts: " + e.getMessage());
        }
    }

    private TakeStatement takeStatement() {
        TakeStatement statement = take;
        if (statement == null) {
            statement = TakeStatement.of("postgresql".equals(schema.vendor()) ? POSTGRESQL_TAKE : H2_TAKE);
            take = statement;
        }
        return statement;
    }
}
