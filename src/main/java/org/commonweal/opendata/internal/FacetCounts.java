package org.commonweal.opendata.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;

/**
 * Counts the values of facet fields (sorted-set doc values) over every matching dataset, and the
 * matches themselves. Counting per segment by ordinal and naming the values once at the end keeps
 * it to an array increment per value per match.
 */
final class FacetCounts implements CollectorManager<FacetCounts.Counter, FacetCounts.Result> {

    record Result(long total, Map<String, Map<String, Integer>> counts) {
    }

    private final List<String> fields;

    FacetCounts(List<String> fields) {
        this.fields = fields;
    }

    @Override
    public Counter newCollector() {
        return new Counter(fields);
    }

    @Override
    public Result reduce(Collection<Counter> collectors) {
        long total = 0;
        Map<String, Map<String, Integer>> merged = new LinkedHashMap<>();
        for (String field : fields) {
            merged.put(field, new HashMap<>());
        }
        for (Counter c : collectors) {
            total += c.total;
            c.counts.forEach((field, values) -> values.forEach((value, n) -> merged.get(field).merge(value, n, Integer::sum)));
        }
        return new Result(total, merged);
    }

    /** The values most often counted first, then by name; at most {@code limit} (negative: all). */
    static List<SearchHits.FacetValue> top(Map<String, Integer> counts, int limit, int minCount) {
        List<SearchHits.FacetValue> values = new ArrayList<>();
        counts.forEach((value, n) -> {
            if (n >= minCount) {
                values.add(new SearchHits.FacetValue(value, n));
            }
        });
        values.sort(Comparator.comparingInt(SearchHits.FacetValue::count).reversed()
                .thenComparing(SearchHits.FacetValue::value));
        return limit >= 0 && values.size() > limit ? values.subList(0, limit) : values;
    }

    static final class Counter implements Collector {
        private final List<String> fields;
        private final Map<String, Map<String, Integer>> counts = new HashMap<>();
        private long total;

        Counter(List<String> fields) {
            this.fields = fields;
            fields.forEach(f -> counts.put(f, new HashMap<>()));
        }

        @Override
        public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
            int n = fields.size();
            SortedSetDocValues[] values = new SortedSetDocValues[n];
            int[][] ordinals = new int[n][];
            for (int i = 0; i < n; i++) {
                values[i] = DocValues.getSortedSet(context.reader(), SearchIndex.FACET_PREFIX + fields.get(i));
                ordinals[i] = new int[(int) values[i].getValueCount()];
            }
            return new LeafCollector() {
                @Override
                public void setScorer(Scorable scorer) {
                }

                @Override
                public void collect(int doc) throws IOException {
                    total++;
                    for (int i = 0; i < n; i++) {
                        if (values[i].advanceExact(doc)) {
                            for (int k = 0; k < values[i].docValueCount(); k++) {
                                ordinals[i][(int) values[i].nextOrd()]++;
                            }
                        }
                    }
                }

                @Override
                public void finish() throws IOException {
                    for (int i = 0; i < n; i++) {
                        SortedSetDocValues named = DocValues.getSortedSet(context.reader(),
                                SearchIndex.FACET_PREFIX + fields.get(i));
                        Map<String, Integer> into = counts.get(fields.get(i));
                        for (int ord = 0; ord < ordinals[i].length; ord++) {
                            if (ordinals[i][ord] > 0) {
                                into.merge(named.lookupOrd(ord).utf8ToString(), ordinals[i][ord], Integer::sum);
                            }
                        }
                    }
                }
            };
        }

        @Override
        public ScoreMode scoreMode() {
            return ScoreMode.COMPLETE_NO_SCORES;
        }
    }
}
