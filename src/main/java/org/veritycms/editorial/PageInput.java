package org.veritycms.editorial;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.veritycms.page.CommentPolicy;
import org.veritycms.page.MediaKind;
import org.veritycms.page.PageSource;
import org.veritycms.page.WebAddress;
import org.veritycms.shared.PlainText;
import org.veritycms.page.RiskTier;

/**
 * A page as an editor sends it, from the API or the admin form. Review dates are not part of it:
 * editing never moves them (media keep theirs, matched by source address). An editor changing a
 * live page may declare the change non-clinical (with a change note saying what was corrected).
 * JSON-B builds it through its canonical constructor, which must stay its only one: the JSON-B
 * implementation refuses to read a record that declares a second constructor.
 */
public record PageInput(
        @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*", message = "must be lower-case words joined by hyphens")
        @Size(max = 120) String slug,
        @Size(max = 60) String topic,
        @NotBlank @PlainText @Size(max = PageSource.MAX_TITLE) String title,
        @NotBlank @PlainText @Size(max = PageSource.MAX_SUMMARY) String summary,
        @NotBlank @PlainText(multiline = true) @Size(max = 200_000) String body,
        @NotNull RiskTier tier,
        @PlainText @Size(max = 200) String owner,
        @NotNull CommentPolicy comments,
        List<@Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*", message = "must be a page slug") String> related,
        List<@Valid @NotNull Source> evidence,
        List<@Valid @NotNull Media> media,
        Long version,
        @PlainText @Size(max = 1000) String changeNote,
        Boolean nonClinical) {

    static final String WEB_ADDRESS = "must be an http or https address or a path on this site";

    /** One evidence reference. */
    public record Source(@NotBlank @PlainText @Size(max = 400) String title,
            @NotBlank @Pattern(regexp = WebAddress.PATTERN, message = WEB_ADDRESS) @Size(max = 2000) String url,
            @PlainText @Size(max = 200) String publisher, LocalDate accessed) {
    }

    /** One media item; its review dates are its own and not edited here. */
    public record Media(@NotNull MediaKind kind, @NotBlank @PlainText @Size(max = 400) String title,
            @NotBlank @Pattern(regexp = WebAddress.PATTERN, message = WEB_ADDRESS) @Size(max = 2000) String src,
            @PlainText @Size(max = 2000) String alt, @PlainText(multiline = true) @Size(max = 100_000) String transcript,
            Boolean decorative) {

        /** An image that adds nothing a reader needs: no alt text, passed over by screen readers. */
        public boolean markedDecorative() {
            return Boolean.TRUE.equals(decorative);
        }
    }

    public boolean declaredNonClinical() {
        return Boolean.TRUE.equals(nonClinical);
    }

    public List<String> relatedOrEmpty() {
        return related == null ? List.of() : related;
    }

    public List<Source> evidenceOrEmpty() {
        return evidence == null ? List.of() : evidence;
    }

    public List<Media> mediaOrEmpty() {
        return media == null ? List.of() : media;
    }
}
