package org.veritycms.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SearchRequestTest {

    @Test
    void wordsAreTrimmedAndSpacesCollapsed() {
        SearchRequest request = SearchRequest.of("  back \t pain \n", "yoga", "2");
        assertEquals("back pain", request.text());
        assertEquals("yoga", request.topic());
        assertEquals(2, request.page());
    }

    @Test
    void oddAddressValuesAreReadLeniently() {
        SearchRequest request = SearchRequest.of(null, "../etc", "-3");
        assertTrue(request.isEmpty());
        assertNull(request.topic());
        assertEquals(1, request.page());
        assertEquals(1, SearchRequest.of("x", "", "99999999999999").page());
        assertEquals(SearchRequest.MAX_PAGE, SearchRequest.of("x", null, "500").page());
    }

    @Test
    void theLengthLimitIsInclusive() {
        assertFalse(SearchRequest.of("a".repeat(SearchRequest.MAX_LENGTH), null, null).isTooLong());
        assertTrue(SearchRequest.of("a".repeat(SearchRequest.MAX_LENGTH + 1), null, null).isTooLong());
    }

    @Test
    void resultsCountTheirPages() {
        SearchResults results = new SearchResults(SearchRequest.of("x", null, "2"), 21, 10, List.of());
        assertEquals(3, results.pageCount());
        assertTrue(results.hasPrevious());
        assertTrue(results.hasNext());
        assertFalse(new SearchResults(SearchRequest.of("x", null, "3"), 21, 10, List.of()).hasNext());
    }
}
