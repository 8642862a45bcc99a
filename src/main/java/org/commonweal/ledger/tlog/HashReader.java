package org.commonweal.ledger.tlog;

import java.util.List;

/**
 * Reads stored hashes by their {@link StoredHashLayout} index, e.g. one
 * {@code SELECT idx, hash FROM stored_hash WHERE idx = ANY(?)} round trip.
 *
 * <p>Batched on purpose: each kernel operation first works out every index it needs (O(log n)
 * of them) and asks once, so a database-backed reader costs one query per proof, not one per hash.
 */
@FunctionalInterface
public interface HashReader {

    /**
     * Returns the hashes stored at {@code indexes}, in the same order. The kernel only asks for
     * indexes below {@link StoredHashLayout#count} of the tree size it is working on, so a missing
     * index means storage is incomplete and the implementation should throw.
     */
    List<byte[]> readHashes(long[] indexes);
}
