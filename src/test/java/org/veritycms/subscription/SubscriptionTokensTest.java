package org.veritycms.subscription;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.veritycms.shared.ServerSecret;

class SubscriptionTokensTest {

    static final Instant NOW = Instant.parse("2026-03-10T09:00:00Z");
    static final EmailAddress READER = EmailAddress.parse("reader@example.org").orElseThrow();

    /** The server's signing, with a fixed key instead of the database's. */
    static final ServerSecret SECRET = new ServerSecret() {
        @Override
        public String sign(String text) {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec("a test key that is long enough!!".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
                return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
            } catch (java.security.GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    };

    static SubscriptionTokens at(Instant now) {
        return new SubscriptionTokens(SECRET, Clock.fixed(now, ZoneOffset.UTC), 48);
    }

    @Test
    void aConfirmationLinkCarriesTheWholeRequest() {
        String token = at(NOW).signUp(READER, "yoga");
        SubscriptionTokens.SignUp signUp = at(NOW).readSignUp(token).orElseThrow();
        assertEquals(READER, signUp.email());
        assertEquals("yoga", signUp.topicSlug());
        assertEquals(NOW.plus(Duration.ofHours(48)), signUp.expires());
    }

    @Test
    void theLinkExpiresAtTheEndOfItsWindowToTheSecond() {
        SubscriptionTokens.SignUp signUp = at(NOW).readSignUp(at(NOW).signUp(READER, "yoga")).orElseThrow();
        assertFalse(signUp.isExpiredAt(NOW.plus(Duration.ofHours(48)).minusSeconds(1)));
        assertTrue(signUp.isExpiredAt(NOW.plus(Duration.ofHours(48))));
    }

    @Test
    void aChangedAddressOrTopicBreaksTheSignature() {
        String token = at(NOW).signUp(READER, "yoga");
        String payload = token.substring(0, token.indexOf('.'));
        String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("victim@example.org\nyoga\n" + NOW.plus(Duration.ofDays(999)).getEpochSecond()).getBytes(StandardCharsets.UTF_8));
        assertTrue(at(NOW).readSignUp(token.replace(payload, forged)).isEmpty());
        assertTrue(at(NOW).readSignUp(token + "x").isEmpty());
        assertTrue(at(NOW).readSignUp("garbage").isEmpty());
        assertTrue(at(NOW).readSignUp(null).isEmpty());
    }

    @Test
    void anUnsubscribeLinkIsBoundToItsSubscriptionsAddress() throws Exception {
        TopicSubscription subscription = new TopicSubscription(READER, org.veritycms.testing.SamplePages.YOGA, NOW);
        java.lang.reflect.Field id = TopicSubscription.class.getDeclaredField("id");
        id.setAccessible(true);
        id.set(subscription, 42L);
        String token = at(NOW).unsubscribe(subscription);
        assertEquals(42L, at(NOW).subscriptionId(token).orElseThrow());
        assertTrue(at(NOW).isUnsubscribeFor(token, subscription));
        TopicSubscription other = new TopicSubscription(EmailAddress.parse("other@example.org").orElseThrow(),
                org.veritycms.testing.SamplePages.YOGA, NOW);
        id.set(other, 42L);
        assertFalse(at(NOW).isUnsubscribeFor(token, other), "same id, another address (a re-used row id)");
        assertTrue(at(NOW).subscriptionId("42").isEmpty());
    }
}
