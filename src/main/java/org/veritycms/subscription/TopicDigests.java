package org.veritycms.subscription;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.veritycms.discovery.ChangeReasons;
import org.veritycms.discovery.PageChange;
import org.veritycms.discovery.ReadablePages;
import org.veritycms.page.Page;
import org.veritycms.page.Topic;
import org.veritycms.page.TopicRepository;
import org.veritycms.shared.SiteAddress;

/**
 * The monthly e-mail: for each topic, the readable pages reviewed or updated in the month, sent to
 * every subscription confirmed before the month ended. Each subscription gets a month's digest at
 * most once (the outbox's dedupe key), however often this runs; a month with no changes sends nothing.
 */
@ApplicationScoped
public class TopicDigests {

    private final TopicRepository topics;
    private final TopicSubscriptions subscriptions;
    private final ReadablePages pages;
    private final ChangeReasons reasons;
    private final SubscriptionMails mails;
    private final SubscriptionTokens tokens;
    private final SiteAddress site;
    private final Clock clock;
    private final DateTimeFormatter monthName;

    @Inject
    public TopicDigests(TopicRepository topics, TopicSubscriptions subscriptions, ReadablePages pages, ChangeReasons reasons,
            SubscriptionMails mails, SubscriptionTokens tokens, SiteAddress site, Clock clock,
            @ConfigProperty(name = "verity.locale", defaultValue = "en-GB") String locale) {
        this.topics = topics;
        this.subscriptions = subscriptions;
        this.pages = pages;
        this.reasons = reasons;
        this.mails = mails;
        this.tokens = tokens;
        this.site = site;
        this.clock = clock;
        this.monthName = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.forLanguageTag(locale));
    }

    protected TopicDigests() {
        this(null, null, null, null, null, null, null, null, "en-GB");
    }

    /** The month before today's: what the daily job sends. */
    public YearMonth lastMonth() {
        return YearMonth.now(clock).minusMonths(1);
    }

    /** Puts the month's digests in the outbox; returns how many subscriptions were written to. */
    @Transactional
    public int send(YearMonth month) {
        ZoneId zone = clock.getZone();
        Instant from = month.atDay(1).atStartOfDay(zone).toInstant();
        Instant to = month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
        int written = 0;
        for (Topic topic : topics.findAll()) {
            List<TopicSubscription> readers = subscriptions.confirmedBefore(topic, to);
            if (readers.isEmpty()) {
                continue;
            }
            List<SubscriptionMails.DigestLine> lines = lines(pages.changedBetween(topic.slug(), month.atDay(1),
                    month.atEndOfMonth(), from, to, clock.instant()));
            if (lines.isEmpty()) {
                continue;
            }
            for (TopicSubscription reader : readers) {
                mails.digest(reader, month, monthName.format(month), lines, tokens.unsubscribe(reader));
                written++;
            }
        }
        return written;
    }

    private List<SubscriptionMails.DigestLine> lines(List<Page> changed) {
        Map<Long, String> notes = pages.latestChangeNotes(changed);
        return changed.stream().map(p -> new SubscriptionMails.DigestLine(p.title(),
                reasons.of(p, PageChange.of(p, clock.getZone()), notes.get(p.id())),
                site.of("/" + p.topic().slug() + "/" + p.slug()))).toList();
    }
}
