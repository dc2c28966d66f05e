package org.veritycms.search;

import org.hibernate.search.backend.elasticsearch.analysis.ElasticsearchAnalysisConfigurationContext;
import org.hibernate.search.backend.elasticsearch.analysis.ElasticsearchAnalysisConfigurer;

/**
 * The analysis configuration to name ({@code VERITY_SEARCH_ANALYSIS}) when the index lives in an
 * Elasticsearch or OpenSearch cluster: the {@code english} analyzer is built into the cluster, so
 * there is nothing to define.
 */
public class ElasticsearchEnglishAnalysis implements ElasticsearchAnalysisConfigurer {

    @Override
    public void configure(ElasticsearchAnalysisConfigurationContext context) {
        // built in: nothing to declare
    }
}
