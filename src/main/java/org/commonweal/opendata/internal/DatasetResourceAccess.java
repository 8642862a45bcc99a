package org.commonweal.opendata.internal;

import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.commonweal.opendata.Datasets;
import org.commonweal.opendata.datastore.ResourceAccess;
import org.springframework.stereotype.Component;

/**
 * The datastore's question "may this caller read this resource's rows?" answered from the
 * dataset's open level and state: anyone for published, unconditionally open datasets; the
 * publishing department and auditors for the rest. Unknown resources are never readable.
 */
@Component
class DatasetResourceAccess implements ResourceAccess {

    private final Datasets datasets;
    private final CurrentUser currentUser;

    DatasetResourceAccess(Datasets datasets, CurrentUser currentUser) {
        this.datasets = datasets;
        this.currentUser = currentUser;
    }

    @Override
    public boolean mayRead(UUID resourceId, HttpServletRequest request) {
        return datasets.findResource(resourceId)
                .flatMap(resource -> datasets.find(resource.datasetId()))
                .map(dataset -> datasets.mayReadData(dataset, currentUser.of(request)))
                .orElse(false);
    }
}
