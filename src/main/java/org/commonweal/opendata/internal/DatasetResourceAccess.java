package org.commonweal.opendata.internal;

import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.commonweal.identity.CommonwealUser;
import org.commonweal.opendata.Dataset;
import org.commonweal.opendata.Datasets;
import org.commonweal.opendata.OpenLevel;
import org.commonweal.opendata.access.ConditionalAccess;
import org.commonweal.opendata.datastore.ResourceAccess;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The datastore's question "may this caller read this resource's rows?" answered from the
 * dataset's open level and state: anyone for published, unconditionally open datasets; the
 * publishing department and auditors for the rest; and, for a published conditional dataset,
 * an approved applicant (signed in, or presenting their access key). Unknown resources are never readable.
 */
@Component
public class DatasetResourceAccess implements ResourceAccess {

    private final Datasets datasets;
    private final CurrentUser currentUser;
    private final ConditionalAccess conditionalAccess;

    DatasetResourceAccess(Datasets datasets, CurrentUser currentUser, ConditionalAccess conditionalAccess) {
        this.datasets = datasets;
        this.currentUser = currentUser;
        this.conditionalAccess = conditionalAccess;
    }

    @Override
    public boolean mayRead(UUID resourceId, HttpServletRequest request) {
        return datasets.findByResource(resourceId)
                .map(dataset -> mayReadData(dataset, currentUser.of(request), request))
                .orElse(false);
    }

    /**
     * The one rule for reading a dataset's data (rows, files, the page's preview): {@link
     * Datasets#mayReadData}, or for a published conditional dataset an approved applicant, signed in
     * or presenting the access key in this request.
     */
    public boolean mayReadData(Dataset dataset, @Nullable CommonwealUser user, HttpServletRequest request) {
        return datasets.mayReadData(dataset, user) || dataset.isPublic() && dataset.openLevel() == OpenLevel.CONDITIONAL
                && conditionalAccess.allows(dataset.id(), request, user);
    }
}
