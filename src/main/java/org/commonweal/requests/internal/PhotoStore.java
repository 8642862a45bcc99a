package org.commonweal.requests.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.commonweal.requests.internal.photos.CleanPhoto;
import org.springframework.stereotype.Repository;

/** Photos attached to requests, kept only after their metadata was stripped. */
@Repository
public class PhotoStore {

    public record StoredPhoto(UUID id, UUID requestId, String mediaType, byte[] bytes) {
    }

    private final RequestStore store;

    PhotoStore(RequestStore store) {
        this.store = store;
    }

    public UUID add(UUID requestId, CleanPhoto photo, Instant at) {
        UUID id = UUID.randomUUID();
        store.jdbc().sql("INSERT INTO requests_photo (id, request_id, media_type, bytes, width, height, at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(id, requestId, photo.mediaType(), photo.bytes(), photo.width(), photo.height(), RequestStore.ts(at))
                .update();
        return id;
    }

    public List<UUID> of(UUID requestId) {
        return store.jdbc().sql("SELECT id FROM requests_photo WHERE request_id = ? ORDER BY at, id")
                .param(requestId).query(UUID.class).list();
    }

    /** The first photo of each of the requests that has one, in one query (for lists). */
    public java.util.Map<UUID, UUID> firstOf(java.util.Collection<UUID> requestIds) {
        java.util.Map<UUID, UUID> first = new java.util.HashMap<>();
        if (requestIds.isEmpty()) {
            return first;
        }
        store.jdbc().sql("SELECT DISTINCT ON (request_id) request_id, id FROM requests_photo WHERE request_id = ANY (?)"
                        + " ORDER BY request_id, at, id")
                .param(requestIds.toArray(UUID[]::new))
                .query((rs, n) -> first.put(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class))).list();
        return first;
    }

    public Optional<StoredPhoto> find(UUID id) {
        return store.jdbc().sql("SELECT id, request_id, media_type, bytes FROM requests_photo WHERE id = ?").param(id)
                .query((rs, n) -> new StoredPhoto(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getString(3), rs.getBytes(4)))
                .optional();
    }
}
