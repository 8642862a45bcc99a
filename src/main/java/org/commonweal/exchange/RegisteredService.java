package org.commonweal.exchange;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A provider's REST service behind the gateway.
 *
 * @param baseUrl where the gateway forwards calls; the path after the service identifier is appended
 * @param openApi the service's OpenAPI description as the provider gave it (JSON or YAML), may be empty
 * @param fieldItems response JSON path ({@code $.name}, {@code $.address.city}, {@code $.children[*].name})
 *                   → catalogue data item key. A JSON response keeps only fields mapped to items of the
 *                   caller's agreement; unmapped fields are always removed.
 * @param personal whether any mapped item is personal data (non-JSON responses of such services are refused)
 */
public record RegisteredService(UUID id, ServiceId serviceId, String resourceCode, String baseUrl, String openApi,
                                Map<String, String> fieldItems, boolean personal, Instant registeredAt,
                                @Nullable Instant retiredAt) {

    public RegisteredService {
        fieldItems = Map.copyOf(fieldItems);
    }

    public boolean active() {
        return retiredAt == null;
    }
}
