package org.commonweal.opendata.access;

import java.time.Instant;
import java.util.UUID;

/** A new access key: {@code secret} exists only in this object and on the page that shows it once. */
public record IssuedKey(UUID keyId, UUID applicationId, String secret, Instant expiresAt) {
}
