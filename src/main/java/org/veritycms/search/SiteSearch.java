package org.veritycms.search;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.search.engine.search.common.BooleanOperator;
import org.hibernate.search.engine.search.predicate.dsl.BooleanPredicateClausesStep;
import org.hibernate.search.engine.search.predicate.dsl.SearchPredicateFactory;
import org.hibernate.search.engine.search.query.SearchResult;
import org.hibernate.search.mapper.orm.Search;
import org.veritycms.page.Page;
import org.veritycms.page.PageStatus;
import org.veritycms.page.Readability;
import org.veritycms.page.ReadablePagesRule;
import org.veritycms.shared.ProblemException;

/**
 * The readers' search: full text over title, summary and body, ranked (a title match counts most),
 * limited to pages a reader may see now. The index is asked for published pages inside their
 * publication window, and every hit is checked again against the database row it loads, so a page
 * withdrawn or expired a moment ago never shows even if the index has not caught up.
 */
@ApplicationScoped
public class SiteSearch {

    static final int SNIPPET_LENGTH = 240;

    @PersistenceContext(unitName = "verity")
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    ReadablePagesRule readable;

    @Inject
    @ConfigProperty(name = "verity.search.page-size", defaultValue = "10")
    int pageSize;

    @Transactional
    public SearchResults search(SearchRequest request) {
        if (request.isTooLong()) {
            throw ProblemException.badRequest("query-too-long",
                    "Search for at most " + SearchRequest.MAX_LENGTH + " characters.");
        }
        if (request.isEmpty()) {
            return SearchResults.none(request, pageSize);
        }
        Instant now = clock.instant();
        SearchResult<Page> result = Search.session(em).search(Page.class)
                .where(f -> readableMatches(f, request, now, readable))
                .fetch((request.page() - 1) * pageSize, pageSize);
        Highlights highlights = Highlights.of(request.text());
        List<SearchResults.Hit> hits = result.hits().stream().filter(p -> readable.of(p, now) == Readability.READABLE)
                .map(p -> hit(p, highlights)).toList();
        return new SearchResults(request, result.total().hitCount(), pageSize, hits);
    }

    /** The query, limited by the same rule as every list of readable pages ({@link ReadablePagesRule}). */
    private static BooleanPredicateClausesStep<?> readableMatches(SearchPredicateFactory f, SearchRequest request, Instant now,
            ReadablePagesRule readable) {
        BooleanPredicateClausesStep<?> query = f.bool()
                .must(f.simpleQueryString()
                        .field(PageSearchMapping.TITLE).boost(3f)
                        .field(PageSearchMapping.SUMMARY).boost(2f)
                        .field(PageSearchMapping.BODY)
                        .matching(request.text())
                        .defaultOperator(BooleanOperator.AND))
                .filter(f.match().field(PageSearchMapping.STATUS).matching(PageStatus.PUBLISHED))
                .mustNot(f.range().field(PageSearchMapping.PUBLISH_AT).greaterThan(now))
                .mustNot(f.range().field(PageSearchMapping.EXPIRE_AT).atMost(now));
        if (!readable.withdrawnTiers().isEmpty()) {
            query.mustNot(f.bool().must(f.range().field(PageSearchMapping.REVIEW_DUE).lessThan(readable.dueFrom(now)))
                    .must(f.terms().field(PageSearchMapping.TIER).matchingAny(readable.withdrawnTiers())));
        }
        if (request.topic() != null) {
            query.filter(f.match().field(PageSearchMapping.TOPIC).matching(request.topic()));
        }
        return query;
    }

    private static SearchResults.Hit hit(Page page, Highlights highlights) {
        String body = PlainText.of(page.bodyMarkdown());
        List<Fragment> snippet = highlights.matches(body) || !highlights.matches(page.summary())
                ? highlights.snippet(body, SNIPPET_LENGTH)
                : highlights.mark(page.summary());
        return new SearchResults.Hit(page.topic().slug(), page.topic().title(), page.slug(), highlights.mark(page.title()),
                snippet, page.reviewDates().lastReviewedOn());
    }
}
