package org.commonweal.ledger.tlog;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * One row of hash storage: a hash and its {@link StoredHashLayout} index.
 *
 * @param index stored-hash index, the storage key
 * @param hash the 32-byte hash; copied in and out, since arrays are mutable
 */
public record StoredHash(long index, byte[] hash) {

    public StoredHash {
        if (index < 0) {
            throw new IllegalArgumentException("stored-hash index " + index + " is negative");
        }
        if (hash.length != MerkleHash.SIZE) {
            throw new IllegalArgumentException("stored hash must be " + MerkleHash.SIZE + " bytes, got " + hash.length);
        }
        hash = hash.clone();
    }

    @Override
    public byte[] hash() {
        return hash.clone();
    }

    // Records compare arrays by identity; two rows with the same content must be equal.
    @Override
    public boolean equals(Object other) {
        return other instanceof StoredHash that && index == that.index && Arrays.equals(hash, that.hash);
    }

    @Override
    public int hashCode() {
        return 31 * Long.hashCode(index) + Arrays.hashCode(hash);
    }

    @Override
    public String toString() {
        return "StoredHash[" + index + ", " + HexFormat.of().formatHex(hash) + "]";
    }
}
