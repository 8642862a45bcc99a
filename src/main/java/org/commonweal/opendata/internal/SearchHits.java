package org.commonweal.opendata.internal;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * @param count how many datasets match in all
 * @param ids the requested page of them, in order
 * @param facets for each facet field asked, its values and counts, most frequent first
 */
public record SearchHits(long count, List<UUID> ids, Map<String, List<FacetValue>> facets) {

    public record FacetValue(String value, int count) {
    }
}
