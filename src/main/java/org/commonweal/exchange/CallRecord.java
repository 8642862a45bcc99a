package org.commonweal.exchange;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One call through the gateway, refused ones included. No bodies are kept: only digests.
 *
 * @param xroadId the X-Road-Id of the message (the client's, or one the gateway gave)
 * @param client the X-Road-Client as presented ({@code INSTANCE/CLASS/MEMBER[/SUBSYSTEM]})
 * @param agreementId the agreement the call went under; null when none applied
 * @param purpose the agreement's purpose; null without an agreement
 * @param issue the X-Road-Issue the client gave (a case number), if any
 * @param subjectHash keyed hash of X-Road-UserId (see {@link DataSubjects}); null when no subject was named
 * @param dataItems the data items actually delivered in the response
 * @param visibleToSubjectFrom when the data subject may see the call (the agreement's tracker delay)
 * @param status the HTTP status the client received
 * @param errorCode the gateway's error code when the gateway refused or failed the call
 * @param requestDigest {@code sha256:<hex>} of the request body as forwarded
 * @param responseDigest {@code sha256:<hex>} of the response body as delivered (after minimisation)
 */
public record CallRecord(UUID id, String xroadId, String client, String serviceId, @Nullable UUID agreementId,
                         @Nullable String purpose, @Nullable String issue, @Nullable String subjectHash,
                         Set<String> dataItems, Instant at, Instant visibleToSubjectFrom, int status,
                         @Nullable String errorCode, String requestDigest, String responseDigest, long durationMicros) {

    public CallRecord {
        dataItems = Set.copyOf(dataItems);
    }
}
