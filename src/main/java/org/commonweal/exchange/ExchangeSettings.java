package org.commonweal.exchange;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param subjectKey secret behind data-subject hashes (HMAC-SHA256 of X-Road-UserId); generated into
 *                   {@code subjectKeyFile} on first start when empty. Every node needs the same.
 * @param subjectKeyFile where the generated subject key is kept
 * @param connectTimeout how long the gateway waits to connect to a provider
 * @param responseTimeout how long the gateway waits on each read from a provider: for the answer to start,
 *                        and again whenever its body stalls
 * @param maxRequestBody the largest request body a client may send through the gateway
 * @param maxResponseBody the largest response body a provider may send through the gateway
 * @param cacheTtl how long agreements, services and API tokens are cached by the gateway; a change made
 *                 on this node applies at once, one made on another node within this time
 * @param duplicateWindow how long (at least) an X-Road-Id is remembered to refuse a resent message; kept in memory
 * @param flushInterval how often queued call records are written (one batch, one ledger entry)
 * @param maxBatch the most call records in one batch
 * @param expiryInterval how often agreements past their last day are expired
 * @param demoProviderPort loopback port of the demo department system started with the demo city;
 *                         0 picks a free one, -1 starts none
 */
@ConfigurationProperties("commonweal.exchange")
public record ExchangeSettings(@Nullable String subjectKey,
                               @DefaultValue("./data/exchange/subject-key") String subjectKeyFile,
                               @DefaultValue("2s") Duration connectTimeout,
                               @DefaultValue("30s") Duration responseTimeout,
                               @DefaultValue("10MB") DataSize maxRequestBody,
                               @DefaultValue("1GB") DataSize maxResponseBody,
                               @DefaultValue("2s") Duration cacheTtl,
                               @DefaultValue("1m") Duration duplicateWindow,
                               @DefaultValue("50ms") Duration flushInterval,
                               @DefaultValue("5000") int maxBatch,
                               @DefaultValue("1m") Duration expiryInterval,
                               @DefaultValue("0") int demoProviderPort) {
}
