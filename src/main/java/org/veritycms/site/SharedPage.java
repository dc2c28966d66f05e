package org.veritycms.site;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.veritycms.shared.ContentHash;

/**
 * A public page exactly as every reader gets it: its bytes (encoded once), their strong validator,
 * when they were made, the instant they stop being true, and the surrogate keys a frontend cache
 * purges them by. At a notice address ({@code ?rated=1}, {@code ?comment=held}) the page shows
 * the notice in its placeholders ({@link FillableHtml}); that is another representation, with a
 * validator of its own, and still the same for everyone who opens that address.
 */
public final class SharedPage {

    private final FillableHtml html;
    private final byte[] plain;
    private final String hash;
    private final Instant lastModified;
    private final Instant validUntil;
    private final List<String> keys;
    private final String plainEtag;
    private final String lastModifiedHeader;
    private final String keysHeader;

    public SharedPage(String html, Instant renderedAt, Instant validUntil, List<String> keys) {
        this.html = FillableHtml.of(html);
        this.plain = this.html.fill(slot -> "");
        this.hash = ContentHash.of(plain).substring(0, 32);
        this.lastModified = renderedAt.truncatedTo(ChronoUnit.SECONDS);
        this.validUntil = validUntil;
        this.keys = List.copyOf(keys);
        this.plainEtag = "\"" + hash + "\"";
        this.lastModifiedHeader = HttpCaching.httpDate(lastModified);
        this.keysHeader = String.join(" ", this.keys);
    }

    /** The bytes at an address: the page itself, or with the notice its query asks for. */
    public byte[] body(Notices.Shown notices) {
        return notices.none() ? plain : html.fill(notices::fill);
    }

    /** A strong validator: the bytes' hash, and the notice when one is shown. */
    public String etag(Notices.Shown notices) {
        return notices.none() ? plainEtag : "\"" + hash + "-" + notices.tag() + "\"";
    }

    public Instant lastModified() {
        return lastModified;
    }

    /** The instant the page stops being true (review states move by day; a page may expire). */
    public Instant validUntil() {
        return validUntil;
    }

    public List<String> keys() {
        return keys;
    }

    /** {@link #lastModified()} as an HTTP date, written once. */
    String lastModifiedHeader() {
        return lastModifiedHeader;
    }

    /** The surrogate keys as one header value, written once. */
    String keysHeader() {
        return keysHeader;
    }

    /** The placeholder names in the page, for tests. */
    List<String> slots() {
        return html.slots();
    }

    /** Text of the page with no notice, for tests and the search for placeholders. */
    @Override
    public String toString() {
        return new String(plain, StandardCharsets.UTF_8);
    }
}
