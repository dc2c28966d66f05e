package org.veritycms.search;

import org.hibernate.search.mapper.orm.mapping.HibernateOrmMappingConfigurationContext;
import org.hibernate.search.mapper.orm.mapping.HibernateOrmSearchMappingConfigurer;
import org.hibernate.search.mapper.pojo.automaticindexing.ReindexOnUpdate;
import org.hibernate.search.mapper.pojo.mapping.definition.programmatic.ProgrammaticMappingConfigurationContext;
import org.hibernate.search.mapper.pojo.mapping.definition.programmatic.TypeMappingStep;
import org.veritycms.page.Page;
import org.veritycms.page.Topic;

/**
 * What the index holds for a page, declared here rather than as annotations on {@link Page}, so the
 * page keeps to its own rules. Title, summary and the body's plain text are searched; status, the
 * publication window and the topic are kept for filtering, because the index holds drafts and
 * withdrawn pages too (a status change is just another indexed change) and queries filter them out.
 * Referenced by name from {@code persistence.xml}.
 */
public class PageSearchMapping implements HibernateOrmSearchMappingConfigurer {

    /** The analyzer text fields use; Lucene gets it from {@link LuceneEnglishAnalysis}, Elasticsearch has it built in. */
    static final String ENGLISH = "english";

    static final String TITLE = "title";
    static final String SUMMARY = "summary";
    static final String BODY = "body";
    static final String STATUS = "status";
    static final String PUBLISH_AT = "publishAt";
    static final String EXPIRE_AT = "expireAt";
    static final String TOPIC = "topic.slug";
    static final String REVIEW_DUE = "effectiveReviewDue";
    static final String TIER = "riskTier";

    @Override
    public void configure(HibernateOrmMappingConfigurationContext context) {
        ProgrammaticMappingConfigurationContext mapping = context.programmaticMapping();
        TypeMappingStep page = mapping.type(Page.class);
        page.indexed().index("page");
        page.property("title").fullTextField(TITLE).analyzer(ENGLISH);
        page.property("summary").fullTextField(SUMMARY).analyzer(ENGLISH);
        page.property("bodyMarkdown").fullTextField(BODY).analyzer(ENGLISH).valueBridge(new MarkdownTextBridge());
        page.property("status").keywordField(STATUS);
        page.property("publishAt").genericField(PUBLISH_AT);
        page.property("expireAt").genericField(EXPIRE_AT);
        page.property("effectiveReviewDue").genericField(REVIEW_DUE);
        page.property("riskTier").keywordField(TIER);
        // a topic's slug never changes, so only moving a page to another topic needs reindexing
        page.property("topic").indexedEmbedded().includePaths("slug")
                .indexingDependency().reindexOnUpdate(ReindexOnUpdate.SHALLOW);
        mapping.type(Topic.class).property("slug").keywordField();
    }
}
