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

    /** Matching resources the reader may see: best match first when words were given, otherwise by code. */
    public List<DataResource> find(Query query, Visibility visibility) {
        List<DataResource> candidates;
        if (query.hasWords()) {
            List<String> codes = index.search(query.words());
            Map<String, Integer> rank = new HashMap<>();
            for (int i = 0; i < codes.size(); i++) {
                rank.put(codes.get(i), i);
            }
            candidates = store.findAll(codes).stream()
                    .sorted(Comparator.comparing(r -> Objects.requireNonNull(rank.get(r.code())))).toList();
        } else if (!query.provider().isEmpty()) {
            candidates = store.ofProvider(query.provider(), true);
        } else {
            candidates = store.all();
        }
        return candidates.stream()
                .filter(visibility::sees)
                .filter(r -> query.provider().isEmpty() || r.provider().equals(query.provider()))
                .filter(r -> query.classification().isEmpty() || r.classification().equals(query.classification())
                        || r.classification().startsWith(query.classification() + "-"))
                .toList();
    }
}
