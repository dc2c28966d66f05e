package org.veritycms.site;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.veritycms.comment.Comment;
import org.veritycms.comment.CommentRepository;
import org.veritycms.comment.CommentText;
import org.veritycms.comment.CommentThreads;
import org.veritycms.comment.Commenting;
import org.veritycms.page.Page;
import org.veritycms.page.PageRepository;
import org.veritycms.page.Readability;
import org.veritycms.page.ReadablePagesRule;
import org.veritycms.shared.ProblemException;

/** {@code GET /api/v1/pages/{slug}/comments}: a page's published comments, threaded. Authors' e-mail addresses never appear. */
@Path("/api/v1/pages/{slug: [a-z0-9]+(?:-[a-z0-9]+)*}/comments")
@Produces(MediaType.APPLICATION_JSON)
public class CommentsApi {

    /** A published comment: its text as written and as safe HTML, and its replies. */
    public record CommentJson(long id, String author, String postedAt, String text, String html, List<CommentJson> replies) {
    }

    /** The comments of a page, and whether it takes new ones. */
    public record PageComments(String page, String policy, boolean open, int count, List<CommentJson> comments) {
    }

    @Inject
    ReadablePagesRule readable;

    @Inject
    PageRepository pages;

    @Inject
    CommentRepository comments;

    @Inject
    Clock clock;

    @GET
    @Transactional
    @APIResponse(responseCode = "200", description = "The page's published comments, with their replies")
    @APIResponse(responseCode = "410", description = "The page has been withdrawn")
    public PageComments list(@PathParam("slug") String slug) {
        Page page = pages.findBySlug(slug).orElseThrow(() -> ProblemException.notFound("There is no page '" + slug + "'."));
        readable.require(page, clock.instant());
        // the API lists comments that are shown; replies to one taken down are left to the HTML page
        List<CommentThreads.Thread> threads = CommentThreads.arrange(comments.publishedOn(page.id())).stream()
                .filter(t -> !t.removed()).toList();
        return new PageComments(slug, page.commentPolicy().name(), Commenting.isOpen(page, Readability.READABLE),
                CommentThreads.count(threads), threads.stream()
                        .map(t -> json(t.comment(), t.replies().stream().map(r -> json(r, List.of())).toList())).toList());
    }

    private static CommentJson json(Comment c, List<CommentJson> replies) {
        return new CommentJson(c.id(), c.authorName(), c.createdAt().toString(), c.body(), CommentText.toHtml(c.body()),
                replies);
    }
}
