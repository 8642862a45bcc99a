package org.commonweal.opendata.internal;

import java.util.List;
import java.util.UUID;

import org.apache.lucene.search.Query;
import org.apache.lucene.search.Sort;
import org.jspecify.annotations.Nullable;

/**
 * One search of the dataset index.
 *
 * @param text what the person typed (searched in titles, descriptions, keywords, publishers); blank for all
 * @param filters further conditions (CKAN {@code fq}), already parsed; null for none
 * @param sort the order; null for relevance then newest change
 * @param facetFields the facet fields to count ({@link SearchIndex#FACETS}), in the order asked
 * @param facetLimit at most this many values per facet (negative: all)
 * @param facetMinCount values counted fewer times are left out
 * @param alsoOf besides public datasets, also every dataset of this department (its staff asked to include private ones)
 * @param everything every dataset whatever its state (auditors and the platform administrator)
 */
public record DatasetQuery(String text, @Nullable Query filters, @Nullable Sort sort, int start, int rows,
                           List<String> facetFields, int facetLimit, int facetMinCount, @Nullable UUID alsoOf,
                           boolean everything) {

    public DatasetQuery {
        facetFields = List.copyOf(facetFields);
    }

    public static DatasetQuery publicText(String text, int start, int rows) {
        return new DatasetQuery(text, null, null, start, rows, List.of(), 50, 1, null, false);
    }
}
