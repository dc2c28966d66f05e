package org.veritycms.discovery;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.veritycms.page.Evidence;
import org.veritycms.page.MediaItem;
import org.veritycms.page.MediaKind;
import org.veritycms.page.Page;
import org.veritycms.shared.SiteAddress;

/**
 * A page as schema.org {@code MedicalWebPage} JSON-LD: when it was last reviewed and by whom, when
 * it last changed, what it is about, who it is for, the sources it cites and its videos and
 * images. No {@code AggregateRating}: ratings of our own pages are not for search engines. The
 * JSON goes inside a {@code <script>} element, so {@code <}, {@code >} and {@code &} are written
 * as escapes: no text from a page can close the element.
 */
@ApplicationScoped
public class MedicalWebPageJsonLd {

    private final SiteAddress site;
    private final String language;

    @Inject
    public MedicalWebPageJsonLd(SiteAddress site, @ConfigProperty(name = "verity.locale", defaultValue = "en-GB") String language) {
        this.site = site;
        this.language = language;
    }

    protected MedicalWebPageJsonLd() {
        this.site = null;
        this.language = null;
    }

    public String of(Page page) {
        String url = site.of("/" + page.topic().slug() + "/" + page.slug());
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("@context", "https://schema.org")
                .add("@type", "MedicalWebPage")
                .add("@id", url)
                .add("url", url)
                .add("name", page.title())
                .add("headline", page.title())
                .add("description", page.summary())
                .add("inLanguage", language)
                .add("dateModified", page.updatedAt().toString())
                .add("about", Json.createObjectBuilder().add("@type", "Thing").add("name", page.topic().title()))
                .add("audience", Json.createObjectBuilder().add("@type", "Patient"))
                .add("isPartOf", Json.createObjectBuilder().add("@type", "WebSite").add("url", site.base() + "/"));
        LocalDate lastReviewed = page.reviewDates().lastReviewedOn();
        if (lastReviewed != null) {
            json.add("lastReviewed", lastReviewed.toString());
        }
        if (page.publishedAt() != null) {
            json.add("datePublished", page.publishedAt().toString());
        }
        if (page.reviewedBy() != null && page.reviewedBy().name() != null) {
            JsonObjectBuilder reviewer = Json.createObjectBuilder().add("@type", "Person").add("name", page.reviewedBy().name());
            if (page.reviewedBy().profession() != null) {
                reviewer.add("jobTitle", page.reviewedBy().profession());
            }
            json.add("reviewedBy", reviewer);
        }
        if (!page.evidence().isEmpty()) {
            JsonArrayBuilder citations = Json.createArrayBuilder();
            page.evidence().forEach(e -> citations.add(citation(e)));
            json.add("citation", citations);
        }
        addMedia(json, page);
        return scriptSafe(json.build().toString());
    }

    private JsonObjectBuilder citation(Evidence e) {
        JsonObjectBuilder citation = Json.createObjectBuilder().add("@type", "CreativeWork").add("name", e.title())
                .add("url", e.url());
        if (e.publisher() != null && !e.publisher().isBlank()) {
            citation.add("publisher", Json.createObjectBuilder().add("@type", "Organization").add("name", e.publisher()));
        }
        return citation;
    }

    /** Videos, images and audio, each under its schema.org property, in page order. */
    private void addMedia(JsonObjectBuilder json, Page page) {
        Map<MediaKind, JsonArrayBuilder> byKind = new EnumMap<>(MediaKind.class);
        for (MediaItem item : page.media()) {
            byKind.computeIfAbsent(item.kind(), k -> Json.createArrayBuilder()).add(media(item));
        }
        byKind.forEach((kind, items) -> json.add(kind.name().toLowerCase(Locale.ROOT), items));
    }

    private JsonObjectBuilder media(MediaItem item) {
        JsonObjectBuilder media = Json.createObjectBuilder()
                .add("@type", switch (item.kind()) {
                    case VIDEO -> "VideoObject";
                    case IMAGE -> "ImageObject";
                    case AUDIO -> "AudioObject";
                })
                .add("name", item.title())
                .add("contentUrl", item.src().startsWith("/") ? site.of(item.src()) : item.src());
        if (item.altText() != null && !item.altText().isBlank()) {
            media.add("caption", item.altText());
        }
        if (item.transcript() != null && !item.transcript().isBlank()) {
            media.add("transcript", item.transcript());
        }
        return media;
    }

    /** JSON that cannot end a {@code <script>} element or open a comment in it: same data, escaped. */
    static String scriptSafe(String json) {
        StringBuilder out = new StringBuilder(json.length() + 32);
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            switch (c) {
                case '<' -> out.append("\\u003c");
                case '>' -> out.append("\\u003e");
                case '&' -> out.append("\\u0026");
                case '\u2028' -> out.append("\\u2028");
                case '\u2029' -> out.append("\\u2029");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
