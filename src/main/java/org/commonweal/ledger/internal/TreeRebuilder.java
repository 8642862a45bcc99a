package org.commonweal.ledger.internal;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;

import org.commonweal.ledger.tlog.MerkleHash;

/**
 * Recomputes the Merkle tree from the entries alone, one leaf at a time in O(log n) memory, and
 * says which stored hash first disagrees. Used by the auditor, which must not trust stored hashes.
 */
final class TreeRebuilder {

    /** Completed subtree hashes on the right edge of the tree, smallest (latest) last. */
    private final Deque<byte[]> rightEdge = new ArrayDeque<>();
    private long size;

    /**
     * Adds the next entry and checks the hashes stored with it: its leaf hash and the hash of every
     * subtree it completes. Returns null when they match, otherwise what is wrong.
     */
    String append(byte[] entry, byte[] storedHashes) {
        byte[] hash = MerkleHash.leafHash(entry);
        if (!matches(storedHashes, 0, hash)) {
            return "entry does not match its stored leaf hash";
        }
        int level = 0;
        // leaf m completes one subtree per trailing 1-bit of m
        for (long m = size; (m & 1) == 1; m >>>= 1) {
            hash = MerkleHash.nodeHash(rightEdge.removeLast(), hash);
            level++;
            if (!matches(storedHashes, level, hash)) {
                return "stored hash of the level-" + level + " subtree ending here does not match the entries";
            }
        }
        if (storedHashes.length != (level + 1) * MerkleHash.SIZE) {
            return "entry stores " + storedHashes.length / MerkleHash.SIZE + " hashes instead of " + (level + 1);
        }
        rightEdge.addLast(hash);
        size++;
        return null;
    }

    long size() {
        return size;
    }

    /** The RFC 9162 root of the entries appended so far. */
    byte[] root() {
        if (rightEdge.isEmpty()) {
            return MerkleHash.emptyTreeRoot();
        }
        var hashes = rightEdge.descendingIterator();
        byte[] root = hashes.next();
        while (hashes.hasNext()) {
            root = MerkleHash.nodeHash(hashes.next(), root);
        }
        return root;
    }

    private static boolean matches(byte[] stored, int level, byte[] expected) {
        int from = level * MerkleHash.SIZE;
        return stored.length >= from + MerkleHash.SIZE
                && Arrays.equals(stored, from, from + MerkleHash.SIZE, expected, 0, MerkleHash.SIZE);
    }
}
