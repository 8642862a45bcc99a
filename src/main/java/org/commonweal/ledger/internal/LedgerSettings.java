package org.commonweal.ledger.internal;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param origin the checkpoint origin line: this log's public URL prefix without the scheme
 * @param signerKey the Ed25519 signer key ({@code PRIVATE+KEY+name+keyid+base64}); generated into
 *                  {@code keyFile} on first start when empty
 * @param digestSecret secret salt for pseudonyms of small values (account ids); generated when empty
 * @param keyFile where generated keys are kept; every node of one log must share the same keys
 * @param sequencerInterval how often pending evidence is integrated and a checkpoint signed
 * @param batchSize the most entries integrated under one checkpoint
 * @param auditInterval how often the auditor verifies new entries against what was signed
 * @param fullAuditInterval how often the auditor re-verifies the whole log, to catch changes to old rows
 */
@ConfigurationProperties("commonweal.ledger")
public record LedgerSettings(@DefaultValue("commonweal.localhost/ledger") String origin,
                             @Nullable String signerKey,
                             @Nullable String digestSecret,
                             @DefaultValue("./data/ledger/keys.properties") String keyFile,
                             @DefaultValue("100ms") Duration sequencerInterval,
                             @DefaultValue("10000") int batchSize,
                             @DefaultValue("60s") Duration auditInterval,
                             @DefaultValue("1h") Duration fullAuditInterval) {
}
