package org.commonweal.ledger.verifier;

import org.commonweal.ledger.tlog.MerkleHash;

/**
 * The RFC 9162 root of a growing tree, kept as its right edge: one complete-subtree hash per 1-bit
 * of the size. Appending costs amortised one node hash, memory is 64 hashes whatever the size, so
 * a verifier can stream tens of millions of leaves through it instead of storing them.
 *
 * <p>It gives exactly the root {@code StoredTree.rootHash} gives, because a tree of size n is the
 * complete subtrees for the 1-bits of n, folded from the right (the smaller ones sit deeper on
 * the right edge); the unit test holds it to that.
 */
final class MerkleFrontier {

    private final byte[][] subtreeByLevel = new byte[Long.SIZE][];
    private long size;

    long size() {
        return size;
    }

    void appendLeaf(byte[] leafHash) {
        appendSubtree(0, leafHash);
    }

    /**
     * Appends a complete subtree of {@code 2^level} leaves, e.g. a whole 256-entry bundle whose
     * hash was computed on another thread. Only allowed where that subtree starts in the tree,
     * i.e. when the size is a multiple of {@code 2^level}.
     */
    void appendSubtree(int level, byte[] hash) {
        if (hash.length != MerkleHash.SIZE) {
            throw new IllegalArgumentException("subtree hash is " + hash.length + " bytes, want " + MerkleHash.SIZE);
        }
        if (level < 0 || level > 62 || (size & ((1L << level) - 1)) != 0) {
            throw new IllegalArgumentException("a level-" + level + " subtree cannot start at leaf " + size);
        }
        // Like binary addition: a set bit at this level is a left sibling waiting for a partner.
        byte[] carry = hash;
        int at = level;
        while ((size >>> at & 1) == 1) {
            carry = MerkleHash.nodeHash(subtreeByLevel[at], carry);
            subtreeByLevel[at] = null;
            at++;
        }
        subtreeByLevel[at] = carry;
        size += 1L << level;
    }

    /** {@code MTH(D[0:size])}; the empty tree's root when nothing was appended. */
    byte[] root() {
        byte[] root = null;
        for (int level = 0; level < Long.SIZE; level++) {
            if ((size >>> level & 1) == 1) {
                root = root == null ? subtreeByLevel[level] : MerkleHash.nodeHash(subtreeByLevel[level], root);
            }
        }
        return root == null ? MerkleHash.emptyTreeRoot() : root.clone();
    }
}
