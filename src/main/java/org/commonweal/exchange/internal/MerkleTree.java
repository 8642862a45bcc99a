package org.commonweal.exchange.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 9162 Merkle tree hashing over one batch of call records: leaf hash = SHA-256(0x00 ‖ leaf),
 * node hash = SHA-256(0x01 ‖ left ‖ right), split at the largest power of two below the size. The
 * same rules as the ledger, so the same verifiers check a call's inclusion proof.
 */
public final class MerkleTree {

    private MerkleTree() {
    }

    public static byte[] leafHash(byte[] leaf) {
        MessageDigest sha = sha256();
        sha.update((byte) 0);
        return sha.digest(leaf);
    }

    public static byte[] root(List<byte[]> leafHashes) {
        if (leafHashes.isEmpty()) {
            return sha256().digest();
        }
        return root(leafHashes, 0, leafHashes.size());
    }

    /** The audit path of one leaf (RFC 9162 section 2.1.3.1), bottom up. */
    public static List<byte[]> inclusionPath(List<byte[]> leafHashes, int index) {
        List<byte[]> path = new ArrayList<>();
        path(leafHashes, index, 0, leafHashes.size(), path);
        return path;
    }

    private static void path(List<byte[]> leaves, int index, int from, int to, List<byte[]> path) {
        int size = to - from;
        if (size <= 1) {
            return;
        }
        int split = largestPowerOfTwoBelow(size);
        if (index - from < split) {
            path(leaves, index, from, from + split, path);
            path.add(root(leaves, from + split, to));
        } else {
            path(leaves, index, from + split, to, path);
            path.add(root(leaves, from, from + split));
        }
    }

    private static byte[] root(List<byte[]> leaves, int from, int to) {
        int size = to - from;
        if (size == 1) {
            return leaves.get(from);
        }
        int split = largestPowerOfTwoBelow(size);
        MessageDigest sha = sha256();
        sha.update((byte) 1);
        sha.update(root(leaves, from, from + split));
        sha.update(root(leaves, from + split, to));
        return sha.digest();
    }

    private static int largestPowerOfTwoBelow(int size) {
        return Integer.highestOneBit(size - 1);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }
}
