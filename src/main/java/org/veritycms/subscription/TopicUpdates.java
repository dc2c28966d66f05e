package org.veritycms.subscription;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.veritycms.notification.Outbox;
import org.veritycms.page.Topic;
import org.veritycms.page.TopicRepository;
import org.veritycms.shared.Problem;
import org.veritycms.shared.ProblemException;

/**
 * Following a topic by e-mail, double opt-in. Asking sends a confirmation link and stores nothing;
 * confirming stores the subscription; unsubscribing deletes it. The confirmation e-mail is the one
 * place an unconfirmed address passes through: the outbox forgets it once it has been sent.
 */
@ApplicationScoped
public class TopicUpdates {

    /** What a link refers to, for the page that asks the reader to press the button. */
    public record LinkCheck(Status status, String topicSlug, String topicTitle, String email) {
        /** Whether the link can still be used. */
        public enum Status { VALID, EXPIRED, INVALID }
    }

    private final TopicSubscriptions subscriptions;
    private final TopicRepository topics;
    private final SubscriptionTokens tokens;
    private final SubscriptionMails mails;
    private final Outbox outbox;
    private final Clock clock;

    @Inject
    public TopicUpdates(TopicSubscriptions subscriptions, TopicRepository topics, SubscriptionTokens tokens,
            SubscriptionMails mails, Outbox outbox, Clock clock) {
        this.subscriptions = subscriptions;
        this.topics = topics;
        this.tokens = tokens;
        this.mails = mails;
        this.outbox = outbox;
        this.clock = clock;
    }

    protected TopicUpdates() {
        this(null, null, null, null, null, null);
    }

    /** Sends a confirmation link; says the same whether or not the address already follows the topic. */
    @Transactional
    public void ask(String typedEmail, String topicSlug) {
        EmailAddress email = EmailAddress.parse(typedEmail).orElseThrow(() -> ProblemException.invalid(
                "Enter your e-mail address, like name@example.com.",
                List.of(new Problem.FieldError("email", "Enter your e-mail address, like name@example.com."))));
        Topic topic = topic(topicSlug);
        mails.confirmation(email, topic, tokens.signUp(email, topic.slug()), tokens.confirmWithin().toHours());
    }

    @Transactional
    public LinkCheck checkSignUp(String token) {
        Optional<SubscriptionTokens.SignUp> signUp = tokens.readSignUp(token);
        Optional<Topic> topic = signUp.flatMap(s -> topics.findBySlug(s.topicSlug()));
        if (signUp.isEmpty() || topic.isEmpty()) {
            return new LinkCheck(LinkCheck.Status.INVALID, null, null, null);
        }
        LinkCheck.Status status = signUp.get().isExpiredAt(clock.instant()) ? LinkCheck.Status.EXPIRED : LinkCheck.Status.VALID;
        return new LinkCheck(status, topic.get().slug(), topic.get().title(), signUp.get().email().value());
    }

    /** Confirms the sign-up a link carries: the subscription exists afterwards (again, if it did before). */
    @Transactional
    public LinkCheck confirm(String token) {
        LinkCheck check = checkSignUp(token);
        if (check.status() != LinkCheck.Status.VALID) {
            throw ProblemException.badRequest("subscription-link",
                    "This confirmation link has expired or is not complete. Ask for e-mail updates again.");
        }
        EmailAddress email = new EmailAddress(check.email());
        Topic topic = topic(check.topicSlug());
        if (subscriptions.find(email, topic).isEmpty()) {
            subscriptions.add(new TopicSubscription(email, topic, clock.instant()));
        }
        return check;
    }

    @Transactional
    public LinkCheck checkUnsubscribe(String token) {
        return subscription(token)
                .map(s -> new LinkCheck(LinkCheck.Status.VALID, s.topic().slug(), s.topic().title(), s.email()))
                .orElseGet(() -> new LinkCheck(LinkCheck.Status.INVALID, null, null, null));
    }

    /** Deletes the subscription a link names; empty when there is none (already unsubscribed, or a bad link). */
    @Transactional
    public Optional<LinkCheck> unsubscribe(String token) {
        Optional<TopicSubscription> subscription = subscription(token);
        subscription.ifPresent(subscriptions::remove);
        return subscription.map(s -> new LinkCheck(LinkCheck.Status.VALID, s.topic().slug(), s.topic().title(), s.email()));
    }

    /** Drops sent (or long undeliverable) confirmation e-mails from the outbox, and with them the addresses. */
    @Transactional
    public int forgetConfirmationMails() {
        return outbox.forget(SubscriptionMails.CONFIRM, clock.instant().minus(tokens.confirmWithin()));
    }

    private Optional<TopicSubscription> subscription(String token) {
        return tokens.subscriptionId(token).flatMap(subscriptions::find).filter(s -> tokens.isUnsubscribeFor(token, s));
    }

    private Topic topic(String slug) {
        return slug == null ? missingTopic() : topics.findBySlug(slug).orElseGet(TopicUpdates::missingTopic);
    }

    private static Topic missingTopic() {
        throw ProblemException.invalid("Choose a topic to follow.", List.of(new Problem.FieldError("topic", "Choose a topic.")));
    }
}
