package org.commonweal.exchange.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.commonweal.catalogue.Catalogue;
import org.commonweal.catalogue.DataItem;
import org.springframework.stereotype.Component;

/** The catalogue answers what the exchange needs to know about a resource. */
@Component
class CatalogueResources implements ResourceDirectory {

    private final Catalogue catalogue;

    CatalogueResources(Catalogue catalogue) {
        this.catalogue = catalogue;
    }

    @Override
    public Optional<SharedResource> find(String resourceCode) {
        return catalogue.find(resourceCode).map(resource -> {
            Map<String, Boolean> items = new LinkedHashMap<>();
            for (DataItem item : resource.items()) {
                items.put(item.key(), item.personal() || item.sensitive());
            }
            return new SharedResource(resource.code(), resource.provider(), resource.offeredThroughGateway(), items);
        });
    }
}
