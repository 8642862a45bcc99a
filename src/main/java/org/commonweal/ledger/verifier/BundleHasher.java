package org.commonweal.ledger.verifier;

import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import org.commonweal.ledger.tlog.MerkleHash;

/**
 * {@link MerkleHash#leafHash} and {@link MerkleHash#nodeHash} over one reused {@link MessageDigest},
 * written into buffers the caller gives. Those look a digest up and allocate per call, which
 * profiling showed to cost about a fifth of hashing a bundle of ~300-byte entries; a bundle's 256
 * leaf and 255 node hashes can share one digest and two buffers instead.
 * The RFC 9162 prefixes are repeated here, so a unit test holds this to {@link MerkleHash}.
 * Not thread-safe: one per bundle check.
 */
final class BundleHasher {

    private static final byte LEAF_PREFIX = 0x00;
    private static final byte NODE_PREFIX = 0x01;

    private final MessageDigest sha256;

    BundleHasher() {
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /** {@code SHA-256(0x00 || entry[offset, offset + length))}, written to {@code out} at {@code at}. */
    void leafHash(byte[] entry, int offset, int length, byte[] out, int at) {
        sha256.update(LEAF_PREFIX);
        sha256.update(entry, offset, length);
        digestInto(out, at);
    }

    /**
     * MTH of a power-of-two run of hashes, given concatenated: what a full bundle contributes.
     * Each level is written over the one below it, in one buffer, so nothing is allocated per node.
     */
    byte[] perfectTreeHash(byte[] concatenatedHashes) {
        int count = concatenatedHashes.length / MerkleHash.SIZE;
        if (count == 0 || Integer.bitCount(count) != 1 || count * MerkleHash.SIZE != concatenatedHashes.length) {
            throw new IllegalArgumentException(concatenatedHashes.length + " bytes are not a power of two of hashes");
        }
        byte[] row = concatenatedHashes.clone();
        for (int width = count; width > 1; width /= 2) {
            for (int i = 0; i < width / 2; i++) {
                // Node i's children sit at 2i and 2i+1, at or after i: read before they are overwritten.
                sha256.update(NODE_PREFIX);
                sha256.update(row, 2 * i * MerkleHash.SIZE, 2 * MerkleHash.SIZE);
                digestInto(row, i * MerkleHash.SIZE);
            }
        }
        return Arrays.copyOf(row, MerkleHash.SIZE);
    }

    private void digestInto(byte[] out, int at) {
        try {
            sha256.digest(out, at, MerkleHash.SIZE);
        } catch (DigestException e) {
            throw new IllegalArgumentException("no room for a hash at " + at + " in " + out.length + " bytes", e);
        }
    }
}
