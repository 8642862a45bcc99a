package org.commonweal.exchange;

import java.util.List;

/**
 * Proof that a call record is in a batch whose root the ledger published (entry subject
 * {@code exchange-batch/<batchId>}): hash the record's leaf bytes ({@code leaf}), then fold the
 * path as RFC 9162 describes for leaf {@code index} of a tree of {@code size}; the result must be {@code root}.
 *
 * @param leaf the exact bytes hashed for this call (UTF-8 JSON)
 * @param path audit path, bottom up, hex SHA-256
 * @param root the batch root, hex SHA-256, as in the ledger entry
 */
public record CallInclusionProof(long batchId, int index, int size, String leaf, List<String> path, String root) {
}
