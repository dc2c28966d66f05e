package org.veritycms.site;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.veritycms.account.ReaderForm;
import org.veritycms.page.TopicRepository;
import org.veritycms.shared.Problem;
import org.veritycms.shared.ProblemException;
import org.veritycms.shared.ClientAddresses;
import org.veritycms.shared.RateLimits;
import org.veritycms.shared.ReaderTokens;
import org.veritycms.subscription.EmailAddress;
import org.veritycms.subscription.TopicUpdates;
import org.veritycms.theme.ThemeRenderer;

/**
 * E-mail updates about a topic, as plain forms: ask ({@code /subscribe}), confirm from the link in
 * the e-mail, and unsubscribe. Every change is a POST ({@link ReaderForm}: refused when another site
 * sent it), answered by a redirect; opening a link only shows the button. Sign-ups are rate-limited
 * per reader and per address.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public class SubscriptionPages {

    @Inject
    TopicUpdates updates;

    @Inject
    TopicRepository topics;

    @Inject
    SiteRenderer renderer;

    @Inject
    ThemeRenderer theme;

    @Inject
    Visitors visitors;

    @Inject
    RateLimits limits;

    @Inject
    ClientAddresses addresses;

    @Context
    HttpHeaders headers;

    @Context
    HttpServletRequest request;

    @GET
    @Path("subscribe")
    public Response form(@QueryParam("topic") String topic) {
        return signUpForm(200, "", topic, List.of());
    }

    @POST
    @ReaderForm
    @Path("subscribe")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response ask(@FormParam("email") String email, @FormParam("topic") String topic) {
        ReaderTokens.Reader writer = visitors.writer(headers);
        limits.checkReader("subscribe", writer.knownId(), addresses.of(request));
        EmailAddress.parse(email).ifPresent(address -> limits.check("subscribe-address", address.value()));
        try {
            updates.ask(email, topic);
        } catch (ProblemException e) {
            if (e.problem().status() != 400) {
                throw e;
            }
            return visitors.answer(writer, Response.fromResponse(signUpForm(400, email, topic, e.problem().fieldErrors())),
                    request).build();
        }
        return visitors.answer(writer, Response.seeOther(URI.create("/subscribe/sent")), request).build();
    }

    @GET
    @Path("subscribe/sent")
    public Response sent() {
        return notice(200, "subscribe.sent", null, null);
    }

    @GET
    @Path("subscribe/confirm")
    public Response confirmPage(@QueryParam("token") String token) {
        TopicUpdates.LinkCheck link = updates.checkSignUp(token);
        return switch (link.status()) {
            case VALID -> action("subscribe.confirm", link, "/subscribe/confirm", token);
            case EXPIRED -> notice(400, "subscribe.expired", link.topicTitle(), "/subscribe?topic=" + link.topicSlug());
            case INVALID -> notice(400, "subscribe.invalid", null, "/subscribe");
        };
    }

    @POST
    @ReaderForm
    @Path("subscribe/confirm")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response confirm(@FormParam("token") String token) {
        TopicUpdates.LinkCheck link = updates.confirm(token);
        return Response.seeOther(URI.create("/subscribe/confirmed?topic=" + link.topicSlug())).build();
    }

    @GET
    @Path("subscribe/confirmed")
    public Response confirmed(@QueryParam("topic") String topic) {
        String title = topics.findBySlug(topic == null ? "" : topic).map(t -> t.title()).orElse(null);
        return notice(200, "subscribe.confirmed", title, title == null ? null : SiteViews.topicUrl(topic));
    }

    @GET
    @Path("unsubscribe")
    public Response unsubscribePage(@QueryParam("token") String token) {
        TopicUpdates.LinkCheck link = updates.checkUnsubscribe(token);
        return link.status() == TopicUpdates.LinkCheck.Status.VALID
                ? action("unsubscribe.confirm", link, "/unsubscribe", token)
                : notice(400, "unsubscribe.invalid", null, null);
    }

    @POST
    @ReaderForm
    @Path("unsubscribe")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response unsubscribe(@FormParam("token") String token) {
        updates.unsubscribe(token);
        return Response.seeOther(URI.create("/unsubscribe/done")).build();
    }

    @GET
    @Path("unsubscribe/done")
    public Response unsubscribed() {
        return notice(200, "unsubscribe.done", null, null);
    }

    private Response signUpForm(int status, String email, String topic, List<Problem.FieldError> errors) {
        List<SearchViews.TopicOption> options = topics.findAll().stream()
                .map(t -> new SearchViews.TopicOption(t.slug(), t.title(), t.slug().equals(topic))).toList();
        String title = theme.messages().get("subscribe.title");
        String html = renderer.render("subscribe.ftlh", title, List.of(new Views.Link(title, "/subscribe")),
                Map.of("email", email == null ? "" : email, "topics", options, "errors", errors));
        return personal(html, status);
    }

    private Response action(String key, TopicUpdates.LinkCheck link, String action, String token) {
        String title = theme.messages().get(key + ".title");
        String html = renderer.render("subscription-action.ftlh", title, List.of(new Views.Link(title, action)),
                Map.of("key", key, "topicTitle", link.topicTitle(), "email", link.email(), "action", action,
                        "token", token));
        return personal(html, 200);
    }

    private Response notice(int status, String key, String topicTitle, String link) {
        String title = theme.messages().get(key + ".title");
        Map<String, Object> model = new java.util.HashMap<>(Map.of("key", key, "topicTitle", topicTitle == null ? "" : topicTitle));
        if (link != null) {
            model.put("link", link);
        }
        String html = renderer.render("subscription-notice.ftlh", title, List.of(), model);
        return Response.status(status).entity(html).header("X-Robots-Tag", "noindex").build();
    }

    /** A page with a form: for whoever opened it, and never listed by search engines. */
    private Response personal(String html, int status) {
        return Response.status(status).entity(html).header("Cache-Control", "private, no-cache")
                .header("X-Robots-Tag", "noindex").build();
    }
}
