package org.veritycms.site;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.veritycms.media.LibraryItem;
import org.veritycms.media.MediaLibrary;
import org.veritycms.page.MediaItem;
import org.veritycms.page.MediaSource;
import org.veritycms.page.Page;
import org.veritycms.page.PageSource;
import org.veritycms.page.ReviewDates;
import org.veritycms.page.ReviewState;
import org.veritycms.page.ReviewStatus;
import org.veritycms.page.Topic;
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

    /** How wide a page's media are shown: the reading column on wide screens, the screen less its margins otherwise. */
    static final String MEDIA_SIZES = "(min-width: 47rem) 42rem, calc(100vw - 4.5rem)";

    private final DateFormats dates;
    private final ReviewStatus review;
    private final MediaLibrary library;

    @Inject
    public SiteViews(DateFormats dates, ReviewStatus review, MediaLibrary library) {
        this.dates = dates;
        this.review = review;
        this.library = library;
    }

    protected SiteViews() {
        this(null, null, null);
    }

    public static String topicUrl(String topicSlug) {
        return "/" + topicSlug;
    }

    public static String pageUrl(String topicSlug, String slug) {
        return "/" + topicSlug + "/" + slug;
    }

    public static String reviewHistoryUrl(String topicSlug, String slug) {
        return pageUrl(topicSlug, slug) + "/reviews";
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

    /** The live page as readers see it. */
    public PageView page(Page page, List<Page> related) {
        ReviewState state = review.of(page);
        Optional<MediaItem> driving = page.mediaDrivingDue();
        return view(page, page.toSource(), page.bodyHtml(), ReviewBox.of(page), related,
                page.media().stream().map(this::media).toList(), state, page.effectiveReviewDue(),
                driving.map(MediaItem::title).orElse(null), null);
    }

    /**
     * Unpublished content of a page, exactly as readers would see it once published with the
     * given review box; media keep the dates of the live item showing the same content, and
     * take the box's dates otherwise (an approval covers them).
     */
    public PageView preview(Page page, PageSource content, String html, ReviewBox box, List<Page> related, String note) {
        ReviewDates approved = box.lastReviewed() == null ? null : new ReviewDates(box.lastReviewed(), box.nextReviewDue());
        List<MediaView> media = content.media().stream().map(source -> page.media().stream()
                        .filter(m -> m.toSource().equals(source) && m.reviewDates().lastReviewedOn() != null).findFirst()
                        .map(this::media).orElseGet(() -> media(source, approved, box.nextReviewDue(), page)))
                .toList();
        LocalDate due = media.stream().map(m -> LocalDate.parse(m.reviewDueIso())).reduce(box.nextReviewDue(),
                (a, b) -> b.isBefore(a) ? b : a);
        ReviewState state = review.of(due, page);
        return view(page, content, html, box, related, media, state, due, null, note);
    }

    private PageView view(Page page, PageSource content, String html, ReviewBox box, List<Page> related,
            List<MediaView> mediaViews, ReviewState state, LocalDate effectiveDue, String drivingMedia, String previewNote) {
        Map<String, Page> bySlug = related.stream().collect(Collectors.toMap(Page::slug, Function.identity()));
        List<PageSummary> relatedInOrder = content.relatedSlugs().stream().map(bySlug::get)
                .filter(java.util.Objects::nonNull).map(this::summary).toList();
        Topic topic = page.topic();
        return new PageView(page.slug(), content.title(), content.summary(), html,
                new Link(topic.title(), topicUrl(topic.slug())), mediaViews,
                content.evidence().stream().map(e -> new EvidenceView(e.title(), e.url(), e.publisher(),
                        dates.format(e.accessedOn()))).toList(),
                relatedInOrder,
                dates.format(box.lastReviewed()), iso(box.lastReviewed()),
                dates.format(box.nextReviewDue()), iso(box.nextReviewDue()),
                dates.format(page.updatedAt()), page.updatedAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString(),
                box.reviewerName(), box.reviewerProfession(), pageUrl(topic.slug(), page.slug()), state.name(),
                state.showsPublicNotice(), dates.format(effectiveDue), iso(effectiveDue), drivingMedia,
                box.changedSinceReview(), reviewHistoryUrl(topic.slug(), page.slug()), previewNote);
    }

    private MediaView media(MediaItem item) {
        return new MediaView(item.kind().name(), item.title(), item.src(), altOf(item.toSource()), item.transcript(),
                dates.format(item.reviewDates().lastReviewedOn()), iso(item.reviewDates().lastReviewedOn()),
                dates.format(item.reviewDates().nextReviewDue()), iso(item.reviewDates().nextReviewDue()),
                review.of(item).name(), fromLibrary(item.src()));
    }

    private MediaView media(MediaSource source, ReviewDates approved, LocalDate fallbackDue, Page page) {
        LocalDate last = approved == null ? null : approved.lastReviewedOn();
        LocalDate due = approved == null ? fallbackDue : approved.nextReviewDue();
        return new MediaView(source.kind().name(), source.title(), source.src(), altOf(source), source.transcript(),
                dates.format(last), iso(last), dates.format(due), iso(due), review.of(due, page).name(), fromLibrary(source.src()));
    }

    /** What an image's alt attribute says: nothing for a decorative one, so that screen readers pass over it. */
    private static String altOf(MediaSource source) {
        return source.decorative() ? "" : source.altText();
    }

    /** Renditions, pixel size and captions of a media file from the library; null for one hosted elsewhere. */
    private Views.LibraryMedia fromLibrary(String src) {
        return library.bySrc(src).map(item -> {
            String srcset = "";
            if (!item.renditionWidths().isEmpty()) {
                List<String> candidates = new java.util.ArrayList<>();
                item.renditionWidths().forEach(w -> candidates.add(LibraryItem.URL_PREFIX + item.renditionName(w) + " " + w + "w"));
                candidates.add(item.url() + " " + item.width() + "w");
                srcset = String.join(", ", candidates);
            }
            return new Views.LibraryMedia(srcset, srcset.isEmpty() ? "" : MEDIA_SIZES, item.width(), item.height(),
                    item.captionsName() == null ? null : LibraryItem.URL_PREFIX + item.captionsName());
        }).orElse(null);
    }

    private static String iso(LocalDate date) {
        return date == null ? null : date.toString();
    }
}
