package org.commonweal.requests.open311;

import org.commonweal.requests.RequestSettings;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * This server answers for one jurisdiction, so {@code jurisdiction_id} may be left out; when it is
 * given it must be ours (the spec: 404, "jurisdiction_id provided was not found").
 */
@Component
class Jurisdiction {

    private final RequestSettings settings;

    Jurisdiction(RequestSettings settings) {
        this.settings = settings;
    }

    void check(@Nullable String jurisdictionId) {
        if (jurisdictionId != null && !jurisdictionId.strip().equals(settings.jurisdictionId())) {
            throw Open311Error.notFound("jurisdiction_id provided was not found: this server answers for '"
                    + settings.jurisdictionId() + "' only");
        }
    }
}
