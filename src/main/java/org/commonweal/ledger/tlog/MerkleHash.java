package org.commonweal.ledger.tlog;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * RFC 9162 §2.1.1 Merkle Tree Hash primitives over SHA-256.
 *
 * <p>The 0x00/0x01 prefixes domain-separate leaves from interior nodes, so a leaf can never be
 * passed off as a node (second-preimage resistance of the tree, RFC 9162 §2.1.1).
 */
public final class MerkleHash {

    /** Every hash in the tree, proof and checkpoint is exactly this many bytes. */
    public static final int SIZE = 32;

    private static final byte LEAF_PREFIX = 0x00;
    private static final byte NODE_PREFIX = 0x01;

    private MerkleHash() {
    }

    /** {@code SHA-256(0x00 || entry)}: the hash of one log entry. */
    public static byte[] leafHash(byte[] entry) {
        MessageDigest digest = sha256();
        digest.update(LEAF_PREFIX);
        digest.update(entry);
        return digest.digest();
    }

    /** {@code SHA-256(0x01 || left || right)}: the hash of an interior node. */
    public static byte[] nodeHash(byte[] left, byte[] right) {
        MessageDigest digest = sha256();
        digest.update(NODE_PREFIX);
        digest.update(left);
        digest.update(right);
        return digest.digest();
    }

    /** Root of the empty tree, {@code SHA-256("")} (RFC 9162 §2.1.1). */
    public static byte[] emptyTreeRoot() {
        return sha256().digest();
    }

    /**
     * Compares two hashes without an early exit. The values are public, but using one comparison
     * everywhere means nobody has to reason about which call sites might ever handle secrets.
     */
    public static boolean equal(byte[] a, byte[] b) {
        return MessageDigest.isEqual(a, b);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            // Every Java SE implementation must provide SHA-256, so this is a broken runtime.
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
