package org.veritycms.site;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.veritycms.page.TopicRepository;
import org.veritycms.search.SearchRequest;
import org.veritycms.search.SearchResults;
import org.veritycms.search.SiteSearch;
import org.veritycms.site.SearchViews.HitView;
import org.veritycms.site.SearchViews.SearchView;
import org.veritycms.site.SearchViews.TopicOption;
import org.veritycms.theme.DateFormats;
import org.veritycms.theme.ThemeRenderer;

/**
 * {@code /search?q=&topic=&page=}: a plain GET form and a page of ranked results, without
 * JavaScript. An empty query shows the form; a query over the length limit answers 400 with the
 * form and a message. Search engines are asked not to index result pages.
 */
@Path("search")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public class SearchPage {

    @Inject
    SiteSearch search;

    @Inject
    TopicRepository topics;

    @Inject
    SiteRenderer renderer;

    @Inject
    ThemeRenderer theme;

    @Inject
    DateFormats dates;

    @GET
    public Response search(@QueryParam("q") String q, @QueryParam("topic") String topic, @QueryParam("page") String page) {
        SearchRequest request = SearchRequest.of(q, topic, page);
        SearchResults results = request.isTooLong() ? null : search.search(request);
        String title = theme.messages().get("search.title");
        String html = renderer.render("search.ftlh", title, List.of(new Views.Link(title, "/search")),
                Map.of("search", view(request, results)));
        return Response.status(request.isTooLong() ? 400 : 200).entity(html)
                .header("X-Robots-Tag", "noindex").build();
    }

    private SearchView view(SearchRequest request, SearchResults results) {
        List<TopicOption> options = topics.findAll().stream()
                .map(t -> new TopicOption(t.slug(), t.title(), t.slug().equals(request.topic()))).toList();
        String shown = request.isTooLong() ? request.text().substring(0, SearchRequest.MAX_LENGTH) : request.text();
        if (results == null || request.isEmpty()) {
            return new SearchView(shown, options, !request.isEmpty(), request.isTooLong(), 0, 1, 0, 1, List.of(), null, null,
                    SearchRequest.MAX_LENGTH);
        }
        List<HitView> hits = results.hits().stream().map(h -> new HitView(SiteViews.pageUrl(h.topicSlug(), h.slug()),
                h.topicTitle(), h.title(), h.snippet(), dates.format(h.lastReviewed()),
                h.lastReviewed() == null ? null : h.lastReviewed().toString())).toList();
        int first = (request.page() - 1) * results.pageSize() + 1;
        return new SearchView(shown, options, true, false, results.total(), request.page(), results.pageCount(), first, hits,
                results.hasPrevious() ? url(request, request.page() - 1) : null,
                results.hasNext() ? url(request, request.page() + 1) : null, SearchRequest.MAX_LENGTH);
    }

    private static String url(SearchRequest request, int page) {
        return "/search?q=" + URLEncoder.encode(request.text(), StandardCharsets.UTF_8)
                + (request.topic() == null ? "" : "&topic=" + request.topic()) + "&page=" + page;
    }
}
