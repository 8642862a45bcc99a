package org.commonweal.ledger.verifier;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import org.commonweal.ledger.tlog.MerkleHash;

/**
 * {@link MerkleHash#leafHash} and {@link MerkleHash#nodeHash} over one reused {@link MessageDigest}.
 * Those look a digest up per call, which profiling showed to cost about a fifth of checking a
 * bundle of ~300-byte entries; a bundle's 256 leaf and 255 node hashes can share one instead.
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

    /** {@code SHA-256(0x00 || entry[offset, offset + length))}. */
    byte[] leafHash(byte[] entry, int offset, int length) {
        sha256.update(LEAF_PREFIX);
        sha256.update(entry, offset, length);
        return sha256.digest();
    }

    /** {@code SHA-256(0x01 || left || right)}. */
    byte[] nodeHash(byte[] left, byte[] right) {
        sha256.update(NODE_PREFIX);
        sha256.update(left);
        sha256.update(right);
        return sha256.digest();
    }

    /** MTH of a power-of-two run of hashes, given concatenated: what a full bundle contributes. */
    byte[] perfectTreeHash(byte[] concatenatedHashes) {
        int count = concatenatedHashes.length / MerkleHash.SIZE;
        if (count == 0 || Integer.bitCount(count) != 1 || count * MerkleHash.SIZE != concatenatedHashes.length) {
            throw new IllegalArgumentException(concatenatedHashes.length + " bytes are not a power of two of hashes");
        }
        byte[][] row = new byte[count][];
        for (int i = 0; i < count; i++) {
            row[i] = Arrays.copyOfRange(concatenatedHashes, i * MerkleHash.SIZE, (i + 1) * MerkleHash.SIZE);
        }
        for (int width = count; width > 1; width /= 2) {
            for (int i = 0; i < width / 2; i++) {
                row[i] = nodeHash(row[2 * i], row[2 * i + 1]);
            }
        }
        return row[0];
    }
}
