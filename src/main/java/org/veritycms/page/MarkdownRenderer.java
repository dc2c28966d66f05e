package org.veritycms.page;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.heading.anchor.HeadingAnchorExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;

/**
 * Turns a page body (CommonMark with tables) into HTML that is safe to show: raw HTML in the
 * Markdown is escaped, and the result passes an allow-list sanitizer as well.
 */
@ApplicationScoped
public class MarkdownRenderer {

    private static final List<Extension> EXTENSIONS = List.of(
            TablesExtension.create(), AutolinkExtension.create(), HeadingAnchorExtension.create());

    private static final PolicyFactory POLICY = Sanitizers.FORMATTING.and(Sanitizers.BLOCKS)
            .and(Sanitizers.TABLES).and(Sanitizers.LINKS)
            .and(new HtmlPolicyBuilder()
                    .allowElements("code", "pre", "hr", "ol", "ul", "li", "dl", "dt", "dd", "thead", "tbody", "h2", "h3", "h4", "h5", "h6")
                    .allowAttributes("id").matching(java.util.regex.Pattern.compile("[a-z0-9-]{1,120}"))
                    .onElements("h2", "h3", "h4", "h5", "h6")
                    .allowAttributes("start").matching(java.util.regex.Pattern.compile("[0-9]{1,4}")).onElements("ol")
                    .allowAttributes("align").matching(true, "left", "right", "center").onElements("th", "td")
                    .toFactory());

    private final Parser parser = Parser.builder().extensions(EXTENSIONS).build();
    private final HtmlRenderer renderer = HtmlRenderer.builder().extensions(EXTENSIONS).escapeHtml(true)
            .sanitizeUrls(true).build();

    /**
     * Bodies rendered, or being rendered, ahead of their use ({@link #aheadOf}), by their Markdown,
     * each taken once; a few megabytes at most.
     */
    private final Cache<String, CompletableFuture<String>> renderedAhead = Caffeine.newBuilder()
            .maximumWeight(4_000_000).weigher((String markdown, CompletableFuture<String> html) -> 3 * markdown.length()).build();

    public String toHtml(String markdown) {
        CompletableFuture<String> ahead = renderedAhead.asMap().remove(markdown);
        if (ahead != null) {
            try {
                return ahead.join(); // another thread has it, or is about to: waiting costs less than rendering twice
            } catch (RuntimeException failed) {
                // rendered below, where the failure reaches the caller
            }
        }
        return render(markdown);
    }

    /**
     * A task that renders a body for a {@link #toHtml} call to come: a content import renders a
     * batch's bodies on other threads while it writes the pages one by one. The parser, renderer
     * and sanitizer are all safe to share between threads. The task may run on a thread with no CDI
     * context: made through the bean, it holds the renderer itself, not the bean's proxy.
     */
    public Runnable aheadOf(String markdown) {
        return () -> renderAhead(markdown);
    }

    private void renderAhead(String markdown) {
        CompletableFuture<String> html = new CompletableFuture<>();
        if (renderedAhead.asMap().putIfAbsent(markdown, html) != null) {
            return;
        }
        try {
            html.complete(render(markdown));
        } catch (RuntimeException e) {
            html.completeExceptionally(e);
        }
    }

    private String render(String markdown) {
        return POLICY.sanitize(renderer.render(parser.parse(markdown)));
    }
}
