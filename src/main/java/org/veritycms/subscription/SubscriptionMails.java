package org.veritycms.subscription;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.veritycms.notification.Outbox;
import org.veritycms.page.Topic;
import org.veritycms.shared.ContentHash;
import org.veritycms.shared.SiteAddress;
import org.veritycms.theme.Messages;
import org.veritycms.theme.ThemeRenderer;

/**
 * The two e-mails a topic's readers get, written from the theme's plain-text templates and put in
 * the outbox: the confirmation link, and the monthly digest with its one-click unsubscribe link
 * (the outbox turns the body's {@code Unsubscribe:} line into a List-Unsubscribe header too).
 */
@ApplicationScoped
public class SubscriptionMails {

    static final String CONFIRM = "TOPIC_CONFIRM";
    static final String DIGEST = "TOPIC_DIGEST";

    /** One page in a digest. */
    public record DigestLine(String title, String reason, String url) {
    }

    private final ThemeRenderer theme;
    private final Outbox outbox;
    private final SiteAddress site;

    @Inject
    public SubscriptionMails(ThemeRenderer theme, Outbox outbox, SiteAddress site) {
        this.theme = theme;
        this.outbox = outbox;
        this.site = site;
    }

    protected SubscriptionMails() {
        this(null, null, null);
    }

    void confirmation(EmailAddress to, Topic topic, String token, long hours) {
        Messages messages = theme.messages();
        String body = theme.render("mail/topic-confirm.ftl", Map.of("siteName", messages.get("site.name"),
                "topicTitle", topic.title(), "confirmUrl", site.of("/subscribe/confirm?token=" + token), "hours", hours));
        outbox.enqueue("topic-confirm:" + ContentHash.of(token), CONFIRM, to.value(),
                messages.get("subscribe.mail.confirm.subject", messages.get("site.name"), topic.title()), body);
    }

    void digest(TopicSubscription subscription, YearMonth month, String monthName, List<DigestLine> pages,
            String unsubscribeToken) {
        Messages messages = theme.messages();
        Topic topic = subscription.topic();
        String body = theme.render("mail/topic-digest.ftl", Map.of("siteName", messages.get("site.name"),
                "topicTitle", topic.title(), "month", monthName, "pages", pages, "topicUrl", site.of("/" + topic.slug()),
                "unsubscribeUrl", site.of("/api/v1/subscriptions/unsubscribe?token=" + unsubscribeToken)));
        outbox.enqueue("topic-digest:" + subscription.id() + ":" + month, DIGEST, subscription.email(),
                messages.get("subscribe.mail.digest.subject", topic.title(), monthName), body);
    }
}
