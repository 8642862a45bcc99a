package org.commonweal.ledger.tlog.internal;

import java.util.List;
import org.commonweal.ledger.tlog.HashReader;
import org.commonweal.ledger.tlog.MerkleHash;

/**
 * Calls a {@link HashReader} and checks its answer, so a storage bug surfaces as a clear error
 * instead of a silently wrong root or proof.
 */
public final class HashReads {

    private HashReads() {
    }

    public static List<byte[]> read(HashReader reader, long[] indexes) {
        if (indexes.length == 0) {
            return List.of();
        }
        List<byte[]> hashes = reader.readHashes(indexes.clone());
        if (hashes.size() != indexes.length) {
            throw new IllegalStateException("hash reader returned " + hashes.size() + " hashes for "
                    + indexes.length + " indexes");
        }
        for (int i = 0; i < indexes.length; i++) {
            byte[] hash = hashes.get(i);
            if (hash == null || hash.length != MerkleHash.SIZE) {
                throw new IllegalStateException("hash reader returned "
                        + (hash == null ? "null" : hash.length + " bytes") + " for stored-hash index " + indexes[i]);
            }
        }
        return hashes;
    }
}
