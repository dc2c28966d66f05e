package org.veritycms.admin;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.util.List;
import java.util.Map;
import org.veritycms.editorial.TopicEditor;
import org.veritycms.page.RiskTier;
import org.veritycms.page.Topic;
import org.veritycms.page.TopicRepository;
import org.veritycms.shared.Problem;
import org.veritycms.shared.ProblemException;
import org.veritycms.theme.ThemeRenderer;

/** {@code /admin/topics}: the site's topics, a new one, and how one is described; for editors and administrators. */
@Path("/admin/topics")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
@RolesAllowed({"EDITOR", "ADMIN"})
public class TopicsScreen {

    /** A topic as the list shows it. */
    public record Row(String slug, String title, String description, String tier, int position) {
        static Row of(Topic t) {
            return new Row(t.slug(), t.title(), t.description(), t.defaultTier().name(), t.position());
        }
    }

    @Inject
    TopicRepository topics;

    @Inject
    TopicEditor editor;

    @Inject
    AdminFrame frame;

    @Inject
    ThemeRenderer theme;

    @GET
    @Transactional
    public String list(@QueryParam("done") String done) {
        return theme.render("admin/topics.ftlh", model(null, blank(), List.of(), done));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(MultivaluedMap<String, String> form) {
        return FormAttempt.of(() -> {
            Topic topic = editor.create(input(form, form.getFirst("slug")), frame.who().username());
            return Response.seeOther(UriBuilder.fromPath("/admin/topics").queryParam("done", "created")
                    .fragment("row-" + topic.slug()).build()).build();
        }, problem -> refused(null, form, problem));
    }

    @GET
    @Path("{slug}")
    @Transactional
    public String edit(@PathParam("slug") String slug) {
        Topic topic = topics.findBySlug(slug).orElseThrow(() -> ProblemException.notFound("There is no topic '" + slug + "'."));
        Row row = Row.of(topic);
        return theme.render("admin/topics.ftlh", model(slug, Map.of("slug", row.slug(), "title", row.title(),
                "description", row.description(), "tier", row.tier(), "position", String.valueOf(row.position())), List.of(), null));
    }

    @POST
    @Path("{slug}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response update(@PathParam("slug") String slug, MultivaluedMap<String, String> form) {
        return FormAttempt.of(() -> {
            editor.update(slug, input(form, slug), frame.who().username());
            return Response.seeOther(UriBuilder.fromPath("/admin/topics").queryParam("done", "saved")
                    .fragment("row-" + slug).build()).build();
        }, problem -> refused(slug, form, problem));
    }

    private Response refused(String editing, MultivaluedMap<String, String> form, Problem problem) {
        Map<String, String> posted = Map.of("slug", value(form, "slug", editing), "title", value(form, "title", ""),
                "description", value(form, "description", ""), "tier", value(form, "tier", "STANDARD"),
                "position", value(form, "position", "0"));
        return Response.status(problem.status()).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(theme.render("admin/topics.ftlh", model(editing, posted, List.of(problem), null))).build();
    }

    private Map<String, Object> model(String editing, Map<String, String> posted, List<Problem> problems, String done) {
        Map<String, Object> model = frame.model(editing == null ? "Topics" : "Topic " + editing, "/admin/topics");
        model.put("topics", topics.findAll().stream().map(Row::of).toList());
        model.put("editing", editing == null ? "" : editing);
        model.put("posted", posted);
        model.put("problems", problems);
        model.put("tiers", List.of(RiskTier.values()).stream().map(Enum::name).toList());
        model.put("done", done == null ? "" : done);
        return model;
    }

    private static TopicEditor.TopicInput input(MultivaluedMap<String, String> form, String slug) {
        return new TopicEditor.TopicInput(slug, form.getFirst("title"), form.getFirst("description"), form.getFirst("tier"),
                form.getFirst("position"));
    }

    private static Map<String, String> blank() {
        return Map.of("slug", "", "title", "", "description", "", "tier", "STANDARD", "position", "0");
    }

    private static String value(MultivaluedMap<String, String> form, String field, String otherwise) {
        String v = form.getFirst(field);
        return v == null ? (otherwise == null ? "" : otherwise) : v;
    }
}
