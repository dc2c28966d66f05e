package org.veritycms.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.veritycms.account.Role;
import org.veritycms.account.SignedIn;
import org.veritycms.media.LibraryItem;
import org.veritycms.media.MediaLibrary;
import org.veritycms.media.MediaUsage;
import org.veritycms.media.Sizes;
import org.veritycms.shared.Problem;
import org.veritycms.shared.ProblemException;
import org.veritycms.theme.DateFormats;
import org.veritycms.theme.ThemeRenderer;

/** Renders the media library's screens from plain view records (never the entities). */
@RequestScoped
public class MediaLibraryView {

    /** A library item as the screens show it; {@code thumb} is a small image to show, when it has one. */
    public record ItemRow(long id, String title, String kind, String type, String size, String url, String thumb,
            String altText, boolean decorative, String transcript, boolean captions, String captionsUrl, String pixels,
            String uploadedBy, String uploaded, String originalName, long version) {
    }

    /** One rendition: its width and address. */
    public record RenditionRow(int width, String url) {
    }

    /** A page using the item, with its media item's review dates when it is on the page. */
    public record UsageRow(String pageTitle, String editUrl, String reviewUrl, String status, String where,
            String lastReviewed, String nextReviewDue) {
    }

    @Inject
    AdminFrame frame;

    @Inject
    MediaLibrary library;

    @Inject
    MediaUsage usage;

    @Inject
    DateFormats dates;

    @Inject
    ThemeRenderer theme;

    Response list(Map<String, String> typed, Problem problem, String done) {
        Map<String, Object> model = frame.model("Media library", "/admin/media");
        model.put("items", library.list().stream().map(this::row).toList());
        model.put("posted", Map.of("title", typed.getOrDefault("title", ""), "altText", typed.getOrDefault("altText", ""),
                "decorative", "true".equals(typed.get("decorative")), "transcript", typed.getOrDefault("transcript", "")));
        put(model, problem, done);
        model.put("maxSize", Sizes.words(library.maxBytes()));
        model.put("canUpload", frame.who().hasAny(Role.AUTHOR, Role.EDITOR));
        return render("admin/media.ftlh", model, problem);
    }

    Response item(long id, MultivaluedMap<String, String> posted, Problem problem, String done) {
        LibraryItem item = library.find(id).orElseThrow(() -> ProblemException.notFound("There is no media library item " + id + "."));
        SignedIn who = frame.who();
        ItemRow row = row(item);
        Map<String, Object> model = frame.model(item.title(), "/admin/media");
        model.put("item", row);
        model.put("renditions", item.renditionWidths().stream()
                .map(w -> new RenditionRow(w, LibraryItem.URL_PREFIX + item.renditionName(w))).toList());
        model.put("usage", usage.of(item).stream().map(this::usageRow).toList());
        boolean stale = problem != null && "stale-version".equals(problem.type());
        model.put("posted", posted == null || stale ? Map.of("title", row.title(), "altText", nullToEmpty(row.altText()),
                "decorative", row.decorative(), "transcript", nullToEmpty(row.transcript()))
                : Map.of("title", first(posted, "title"), "altText", first(posted, "altText"),
                        "decorative", "true".equals(posted.getFirst("decorative")), "transcript", first(posted, "transcript")));
        put(model, problem, done);
        model.put("canEdit", who.hasAny(Role.AUTHOR, Role.EDITOR));
        model.put("canDelete", who.hasAny(Role.EDITOR, Role.ADMIN));
        return render("admin/media-item.ftlh", model, problem);
    }

    private ItemRow row(LibraryItem i) {
        String thumb = i.kind().name().equals("IMAGE")
                ? LibraryItem.URL_PREFIX + (i.renditionWidths().isEmpty() ? i.fileName() : i.renditionName(i.renditionWidths().get(0)))
                : null;
        return new ItemRow(i.id(), i.title(), i.kind().name(), i.fileType().name(), Sizes.words(i.sizeBytes()), i.url(), thumb,
                i.altText(), i.decorative(), i.transcript(), i.captionsHash() != null,
                i.captionsName() == null ? null : LibraryItem.URL_PREFIX + i.captionsName(),
                i.width() == null ? "" : i.width() + " × " + i.height(), i.uploadedBy(), frame.when(i.uploadedAt()),
                i.originalName(), i.version());
    }

    private UsageRow usageRow(MediaUsage.Use u) {
        return new UsageRow(u.pageTitle(), "/admin/pages/" + u.pageSlug(), "/admin/pages/" + u.pageSlug() + "/review",
                PageEditorView.label(u.pageStatus()), u.onPage() ? "page" : "revision:" + u.revision(),
                u.lastReviewedOn() == null ? "" : dates.format(u.lastReviewedOn()),
                u.nextReviewDue() == null ? "" : dates.format(u.nextReviewDue()));
    }

    private static void put(Map<String, Object> model, Problem problem, String done) {
        List<Problem> problems = problem == null ? List.of() : List.of(problem);
        model.put("problems", problems);
        List<String> fields = new ArrayList<>();
        problems.forEach(p -> p.fieldErrors().forEach(e -> fields.add(e.field())));
        model.put("errorFields", fields);
        model.put("done", done == null ? "" : done);
    }

    private Response render(String template, Map<String, Object> model, Problem problem) {
        return Response.status(problem == null ? 200 : problem.status()).entity(theme.render(template, model))
                .type("text/html;charset=UTF-8").header("Cache-Control", "no-store").build();
    }

    private static String first(MultivaluedMap<String, String> form, String name) {
        return nullToEmpty(form.getFirst(name));
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
