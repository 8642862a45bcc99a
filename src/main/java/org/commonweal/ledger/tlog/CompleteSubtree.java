package org.commonweal.ledger.tlog;

/**
 * A complete (perfect) subtree: the {@code 2^level} leaves {@code [index * 2^level, (index + 1) * 2^level)}.
 *
 * <p>Only complete subtrees have hashes that never change as the log grows, which is why they
 * are exactly what gets stored; every other node (on the right edge) is recomputed from them.
 *
 * @param level height above the leaves; 0 is a single leaf
 * @param index position among the subtrees of that level, counted from the left
 */
public record CompleteSubtree(int level, long index) {

    public CompleteSubtree {
        if (level < 0 || level > StoredHashLayout.MAX_LEVEL) {
            throw new IllegalArgumentException("level " + level + " is outside 0.." + StoredHashLayout.MAX_LEVEL);
        }
        if (index < 0) {
            throw new IllegalArgumentException("index " + index + " is negative");
        }
        if (index >= StoredHashLayout.MAX_TREE_SIZE >> level) {
            throw new IllegalArgumentException("subtree (" + level + ", " + index + ") lies beyond the largest supported tree");
        }
    }

    /** Index of the first leaf covered. */
    public long firstLeaf() {
        return index << level;
    }

    /** Index one past the last leaf covered; the tree is complete up to here once this subtree exists. */
    public long endLeaf() {
        return (index + 1) << level;
    }

    /** Where this subtree's hash sits in the stored-hash sequence. */
    public long storedHashIndex() {
        long completingLeaf = endLeaf() - 1;
        return StoredHashLayout.count(completingLeaf) + level;
    }
}
