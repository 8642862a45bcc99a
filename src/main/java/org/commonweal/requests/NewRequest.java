package org.commonweal.requests;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * What someone submits. Either {@code citizenId} (signed in) or a contact channel (email or phone)
 * must be given, so the city can reply. {@code idempotencyKey} lets a client repeat a POST safely.
 *
 * @param attributes answers to the category's questions, by attribute code; list answers have several values
 * @param source {@code web} or {@code open311}
 * @param clientId the organisation of the API client that sent it, if any
 */
public record NewRequest(String serviceCode, @Nullable String description, @Nullable String address,
                         @Nullable Double lat, @Nullable Double lon, Map<String, List<String>> attributes,
                         @Nullable UUID citizenId, @Nullable String contactName, @Nullable String contactEmail,
                         @Nullable String contactPhone, boolean namePublic, String source,
                         @Nullable UUID clientId, @Nullable String idempotencyKey, List<Photo> photos) {

    /** A photo as uploaded; it is checked by content and stripped of metadata before it is kept. */
    public record Photo(byte[] bytes) {
    }

    public NewRequest {
        attributes = Map.copyOf(attributes);
        photos = List.copyOf(photos);
    }
}
