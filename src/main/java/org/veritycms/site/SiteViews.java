package org.veritycms.site;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.veritycms.page.MediaItem;
import org.veritycms.page.Page;
import org.veritycms.page.Topic;
import org.veritycms.page.ReviewState;
import org.veritycms.page.ReviewStatus;
import org.veritycms.site.Views.EvidenceView;
import org.veritycms.site.Views.Link;
import org.veritycms.site.Views.MediaView;
import org.veritycms.site.Views.PageSummary;
import org.veritycms.site.Views.PageView;
import org.veritycms.site.Views.TopicView;
import org.veritycms.theme.DateFormats;

/** Maps pages and topics to the view models templates see. */
@ApplicationScoped
public class SiteViews {

    private final DateFormats dates;
    private final ReviewStatus review;

    @Inject
    public SiteViews(DateFormats dates, ReviewStatus review) {
        this.dates = dates;
        this.review = review;
    }

    protected SiteViews() {
        this(null, null);
    }

    public static String topicUrl(String topicSlug) {
        return "/" + topicSlug;
    }

    public static String pageUrl(String topicSlug, String slug) {
        return "/" + topicSlug + "/" + slug;
    }

    public TopicView topic(Topic topic, List<Page> pages) {
        return new TopicView(topic.slug(), topic.title(), topic.description(), topicUrl(topic.slug()),
                pages.stream().map(this::summary).toList());
    }

    public PageSummary summary(Page page) {
        return new PageSummary(page.slug(), page.title(), page.summary(), pageUrl(page.topic().slug(), page.slug()),
                page.topic().title(), dates.format(page.reviewDates().lastReviewedOn()),
                dates.format(page.reviewDates().nextReviewDue()), iso(page.reviewDates().nextReviewDue()),
                review.of(page).name());
    }

    public PageView page(Page page, List<Page> related) {
        Map<String, Page> bySlug = related.stream().collect(Collectors.toMap(Page::slug, Function.identity()));
        List<PageSummary> relatedInOrder = page.relatedSlugs().stream().map(bySlug::get)
                .filter(java.util.Objects::nonNull).map(this::summary).toList();
        Topic topic = page.topic();
        ReviewState state = review.of(page);
        return new PageView(page.slug(), page.title(), page.summary(), page.bodyHtml(),
                new Link(topic.title(), topicUrl(topic.slug())),
                page.media().stream().map(this::media).toList(),
                page.evidence().stream().map(e -> new EvidenceView(e.title(), e.url(), e.publisher(),
                        dates.format(e.accessedOn()))).toList(),
                relatedInOrder,
                dates.format(page.reviewDates().lastReviewedOn()), iso(page.reviewDates().lastReviewedOn()),
                dates.format(page.reviewDates().nextReviewDue()), iso(page.reviewDates().nextReviewDue()),
                dates.format(page.updatedAt()), page.updatedAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString(),
                page.reviewedBy() == null ? null : page.reviewedBy().name(),
                page.reviewedBy() == null ? null : page.reviewedBy().profession(),
                pageUrl(topic.slug(), page.slug()), state.name(), state.showsPublicNotice());
    }

    private MediaView media(MediaItem item) {
        return new MediaView(item.kind().name(), item.title(), item.src(), item.altText(), item.transcript(),
                dates.format(item.reviewDates().lastReviewedOn()), iso(item.reviewDates().lastReviewedOn()),
                dates.format(item.reviewDates().nextReviewDue()), iso(item.reviewDates().nextReviewDue()),
                review.of(item).name());
    }

    private static String iso(LocalDate date) {
        return date == null ? null : date.toString();
    }
}
