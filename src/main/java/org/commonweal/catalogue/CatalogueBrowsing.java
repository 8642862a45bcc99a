package org.commonweal.catalogue;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.commonweal.catalogue.internal.CatalogueIndex;
import org.commonweal.catalogue.internal.ResourceStore;
import org.springframework.stereotype.Service;

/** Finding resources: by words in Chinese or English, by department, by class (类/项), as far as the reader may see. */
@Service
public class CatalogueBrowsing {

    /** What a reader asks for; empty strings mean "any". */
    public record Query(String words, String provider, String classification) {

        public Query {
            words = words.strip();
            provider = provider.strip();
            classification = classification.strip();
        }

        public boolean hasWords() {
            return !words.isEmpty();
        }
    }

    private final ResourceStore store;
    private final CatalogueIndex index;

    CatalogueBrowsing(ResourceStore store, CatalogueIndex index) {
        this.store = store;
        this.index = index;
    }

    /** One page of results and how many there are in all. */
    public record Results(List<DataResource> resources, int total, int page, int pageSize) {

        public int pages() {
            return Math.max(1, (total + pageSize - 1) / pageSize);
        }
    }

    /** All matching resources the reader may see: best match first when words were given, otherwise by code. */
    public List<DataResource> find(Query query, Visibility visibility) {
        return find(query, visibility, 1, Integer.MAX_VALUE).resources();
    }

    /** One page ({@code page} from 1) of matching resources the reader may see. */
    public Results find(Query query, Visibility visibility, int page, int pageSize) {
        int offset = (int) Math.min(Integer.MAX_VALUE, (long) (page - 1) * pageSize);
        if (!query.hasWords()) {
            boolean government = visibility == Visibility.GOVERNMENT;
            return new Results(store.browse(query.provider(), query.classification(), government, offset, pageSize),
                    store.count(query.provider(), query.classification(), government), page, pageSize);
        }
        // the index gives at most a few hundred best hits: filter and page them here
        List<String> codes = index.search(query.words());
        Map<String, Integer> rank = new HashMap<>();
        for (int i = 0; i < codes.size(); i++) {
            rank.put(codes.get(i), i);
        }
        List<DataResource> matching = store.findAll(codes).stream()
                .sorted(Comparator.comparing(r -> Objects.requireNonNull(rank.get(r.code()))))
                .filter(visibility::sees)
                .filter(r -> query.provider().isEmpty() || r.provider().equals(query.provider()))
                .filter(r -> query.classification().isEmpty() || r.classification().equals(query.classification())
                        || r.classification().startsWith(query.classification() + "-"))
                .toList();
        List<DataResource> shown = offset >= matching.size() ? List.of()
                : matching.subList(offset, (int) Math.min(matching.size(), (long) offset + pageSize));
        return new Results(shown, matching.size(), page, pageSize);
    }

    /** How many resources each provider has, as the reader may see them (member code → count). */
    public Map<String, Integer> countsByProvider(Visibility visibility) {
        return store.countsByProvider(visibility == Visibility.GOVERNMENT);
    }
}
