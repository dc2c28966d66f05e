package org.veritycms.site;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;
import jakarta.json.stream.JsonParsingException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.veritycms.rating.RatingApi;
import org.veritycms.rating.RatingDisplay;
import org.veritycms.rating.RatingService;
import org.veritycms.rating.Stars;
import org.veritycms.rating.VoteQueue;
import org.veritycms.shared.ApplicationReady;
import org.veritycms.shared.ClientAddresses;
import org.veritycms.shared.ReaderTokens;

/**
 * What {@link VoteHandler} needs of the application to take a plain vote ahead of JAX-RS: the
 * body's reading, the reader, their address, the vote queue and the answer's wording, each the
 * same as {@link RatingApi#rateByJson} uses. Serves once the application is ready.
 */
@ApplicationScoped
public class VoteIntake {

    private final JsonParserFactory parsers = Json.createParserFactory(Map.of());

    @Inject
    VoteQueue votes;

    @Inject
    ReaderTokens readers;

    @Inject
    ClientAddresses addresses;

    @Inject
    RatingDisplay display;

    @Inject
    JsonBinding json;

    @Inject
    ErrorResponses errors;

    @Inject
    @ConfigProperty(name = "verity.security.hsts-seconds", defaultValue = "0")
    long hstsSeconds;

    private Map<String, String> securityHeaders;

    void serve(@Observes ApplicationReady ready) {
        securityHeaders = SecurityHeaders.headers(hstsSeconds);
        VoteHandler.serve(this);
    }

    @PreDestroy
    void stop() {
        VoteHandler.serve(null);
    }

    Map<String, String> securityHeaders() {
        return securityHeaders;
    }

    /**
     * The stars of a plain vote's body: a JSON object of ASCII text with {@code stars}, a whole number
     * from 1 to 5, and at most a {@code feedback} of null, each once. Anything else (a note, another
     * field, another form of number, bad JSON) is empty, and goes the full way, which reads and
     * refuses it as it always has.
     */
    Optional<Stars> plainStars(byte[] body) {
        for (byte b : body) {
            if (b < 0) {
                return Optional.empty();
            }
        }
        try (JsonParser parser = parsers.createParser(new ByteArrayInputStream(body), StandardCharsets.UTF_8)) {
            if (!parser.hasNext() || parser.next() != JsonParser.Event.START_OBJECT) {
                return Optional.empty();
            }
            Integer stars = null;
            boolean feedback = false;
            for (JsonParser.Event event = parser.next(); event != JsonParser.Event.END_OBJECT; event = parser.next()) {
                String key = parser.getString();
                JsonParser.Event value = parser.next();
                if ("stars".equals(key) && stars == null && value == JsonParser.Event.VALUE_NUMBER && parser.isIntegralNumber()
                        && parser.getString().length() == 1) {
                    stars = parser.getInt();
                } else if ("feedback".equals(key) && !feedback && value == JsonParser.Event.VALUE_NULL) {
                    feedback = true;
                } else {
                    return Optional.empty();
                }
            }
            if (parser.hasNext() || stars == null || stars < 1 || stars > 5) {
                return Optional.empty();
            }
            return Optional.of(new Stars(stars));
        } catch (JsonParsingException | IllegalStateException | java.util.NoSuchElementException e) {
            return Optional.empty();
        }
    }

    /**
     * A vote from a reader's cookie (or none) and network, answered once the commit that holds it is
     * done; the answer is written by {@code answering} (the connection's I/O thread), so that the
     * thread writing votes only writes votes.
     */
    CompletableFuture<Answer> submit(String slug, Stars stars, String cookie, String peer, List<String> forwardedFor,
            boolean secure, String path, Executor answering) {
        ReaderTokens.Reader reader = readers.knownOrNew(cookie);
        String address = addresses.of(peer, forwardedFor);
        Optional<String> setCookie = reader.newToken().map(token -> readers.setCookieHeader(token, secure));
        RatingService.Ballot ballot = new RatingService.Ballot(slug, new RatingService.Voter(reader.id(), addresses.hash(address)),
                stars, null);
        return votes.submit(ballot, reader.knownId(), address)
                .handleAsync((vote, refused) -> refused == null
                        ? new Answer(vote.outcome().status(), "application/json", json.getContext(null)
                                .toJson(RatingApi.answer(vote, display)), setCookie, 0)
                        : refusal(VoteQueue.refusal(refused), path), answering);
    }

    private Answer refusal(Throwable refused, String path) {
        ErrorMappers.Refusal refusal = ErrorMappers.refusalOf(refused);
        return new Answer(refusal.problem().status(), ErrorResponses.PROBLEM_JSON,
                errors.problemJson(refusal.problem(), refused, path), Optional.empty(), refusal.retryAfterSeconds());
    }

    /** The answer to a vote: status, media type, body, a new reader's cookie and Retry-After (0: none). */
    record Answer(int status, String type, String body, Optional<String> setCookie, long retryAfterSeconds) {
    }
}
