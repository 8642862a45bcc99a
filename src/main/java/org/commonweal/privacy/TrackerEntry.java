package org.commonweal.privacy;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One use of a citizen's data through the exchange gateway, as the citizen reads it.
 *
 * @param consumer the department that asked (name in the reader's language)
 * @param dataItems the names of the data items it received
 * @param issue the case the department gave (X-Road-Issue), if any
 */
public record TrackerEntry(Instant at, String consumer, String consumerCode, String provider, String resource,
                           List<String> dataItems, @Nullable String purpose, @Nullable String issue, int status) {
}
