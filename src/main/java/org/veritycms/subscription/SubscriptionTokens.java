package org.veritycms.subscription;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.veritycms.shared.ServerSecret;

/**
 * The links in subscription e-mails, signed with the server's key. A pending sign-up lives only in
 * its confirmation link (address, topic and expiry, signed): the server keeps nothing until the
 * reader confirms. An unsubscribe link names one subscription and is bound to its address.
 */
@ApplicationScoped
public class SubscriptionTokens {

    /** What a confirmation link asks for. */
    public record SignUp(EmailAddress email, String topicSlug, Instant expires) {
        public boolean isExpiredAt(Instant now) {
            return !now.isBefore(expires);
        }
    }

    private static final int MAX_TOKEN = 1000;

    private final ServerSecret secret;
    private final Clock clock;
    private final Duration confirmWithin;

    @Inject
    public SubscriptionTokens(ServerSecret secret, Clock clock,
            @ConfigProperty(name = "verity.subscriptions.confirm-hours", defaultValue = "48") int confirmHours) {
        this.secret = secret;
        this.clock = clock;
        this.confirmWithin = Duration.ofHours(confirmHours);
    }

    protected SubscriptionTokens() {
        this.secret = null;
        this.clock = null;
        this.confirmWithin = null;
    }

    public Duration confirmWithin() {
        return confirmWithin;
    }

    public String signUp(EmailAddress email, String topicSlug) {
        long expires = clock.instant().plus(confirmWithin).getEpochSecond();
        String payload = Base64.getUrlEncoder().withoutPadding()
                .encodeToString((email.value() + "\n" + topicSlug + "\n" + expires).getBytes(StandardCharsets.UTF_8));
        return payload + "." + secret.sign("subscribe:" + payload);
    }

    /** The sign-up a genuine link carries (expired or not); empty for a forged or damaged one. */
    public Optional<SignUp> readSignUp(String token) {
        if (token == null || token.length() > MAX_TOKEN || token.indexOf('.') <= 0) {
            return Optional.empty();
        }
        String payload = token.substring(0, token.indexOf('.'));
        if (!secret.verify("subscribe:" + payload, token.substring(token.indexOf('.') + 1))) {
            return Optional.empty();
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8).split("\n");
            return EmailAddress.parse(parts[0])
                    .map(email -> new SignUp(email, parts[1], Instant.ofEpochSecond(Long.parseLong(parts[2]))));
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            return Optional.empty();
        }
    }

    public String unsubscribe(TopicSubscription subscription) {
        return subscription.id() + "." + secret.sign("unsubscribe:" + subscription.id() + ":" + subscription.email());
    }

    /** The subscription id an unsubscribe link names, before its signature is checked against the row. */
    Optional<Long> subscriptionId(String token) {
        if (token == null || token.length() > MAX_TOKEN || !token.matches("[0-9]{1,18}\\..+")) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(token.substring(0, token.indexOf('.'))));
    }

    boolean isUnsubscribeFor(String token, TopicSubscription subscription) {
        return secret.verify("unsubscribe:" + subscription.id() + ":" + subscription.email(),
                token.substring(token.indexOf('.') + 1));
    }
}
