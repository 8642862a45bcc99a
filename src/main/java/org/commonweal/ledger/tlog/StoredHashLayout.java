package org.commonweal.ledger.tlog;

/**
 * The append-only numbering of stored hashes (the layout of Go's {@code golang.org/x/mod/sumdb/tlog}).
 *
 * <p>Hashes are numbered in the order they become known while leaves are appended one by one:
 * leaf {@code m}'s hash first, then the hash of every complete subtree that leaf {@code m}
 * completes, from level 1 upwards. Leaf {@code m} completes one subtree per trailing 1-bit of
 * {@code m}. Hence:
 *
 * <pre>
 *   hashes stored for a tree of n leaves  count(n)       = 2n - popcount(n)
 *   leaf m                                index(0, m)    = count(m)
 *   subtree (level l, index k)            index(l, k)    = count(m) + l,  where m = (k+1)·2^l - 1
 * </pre>
 *
 * The subtree's last leaf {@code m} is the leaf that completes it, and it is written {@code l}
 * places after that leaf. For 8 leaves the sequence is:
 *
 * <pre>
 *   0:(0,0) 1:(0,1) 2:(1,0) 3:(0,2) 4:(0,3) 5:(1,1) 6:(2,0) 7:(0,4) ... 14:(3,0)
 * </pre>
 *
 * Appending never rewrites an earlier index, so storage can be an insert-only table keyed by index,
 * and the stored hashes of a tree of size n are exactly indexes {@code [0, count(n))}.
 */
public final class StoredHashLayout {

    /**
     * Largest supported tree size, 2^62. It keeps every stored-hash index ({@code < 2n}) within a
     * signed long; a log would need 4.6·10^18 entries to reach it.
     */
    public static final long MAX_TREE_SIZE = 1L << 62;

    /** Highest level of a complete subtree within {@link #MAX_TREE_SIZE}. */
    public static final int MAX_LEVEL = 62;

    private StoredHashLayout() {
    }

    /** Stored-hash index of the complete subtree at {@code (level, n)}. */
    public static long index(int level, long n) {
        return new CompleteSubtree(level, n).storedHashIndex();
    }

    /** Number of stored hashes for a tree of {@code treeSize} leaves: every complete subtree's hash. */
    public static long count(long treeSize) {
        checkTreeSize(treeSize);
        return 2 * treeSize - Long.bitCount(treeSize);
    }

    /** Inverse of {@link #index}: which complete subtree's hash is stored at {@code storedHashIndex}. */
    public static CompleteSubtree subtreeAt(long storedHashIndex) {
        if (storedHashIndex < 0 || storedHashIndex >= count(MAX_TREE_SIZE)) {
            throw new IllegalArgumentException("stored-hash index " + storedHashIndex + " is out of range");
        }
        // The completing leaf m is the last leaf whose own hash is stored at or before the index;
        // count(m) is increasing in m, so binary search for the largest m with count(m) <= index.
        long low = 0;
        long high = MAX_TREE_SIZE - 1;
        while (low < high) {
            long mid = low + (high - low + 1) / 2;
            if (count(mid) <= storedHashIndex) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        long leaf = low;
        int level = Math.toIntExact(storedHashIndex - count(leaf));
        // Each trailing 1-bit of the leaf completes one level, so the offset is at most that many.
        if (level > Long.numberOfTrailingZeros(~leaf)) {
            throw new IllegalStateException("stored-hash index " + storedHashIndex + " maps to no subtree");
        }
        return new CompleteSubtree(level, leaf >> level);
    }

    static void checkTreeSize(long treeSize) {
        if (treeSize < 0 || treeSize > MAX_TREE_SIZE) {
            throw new IllegalArgumentException("tree size " + treeSize + " is outside 0.." + MAX_TREE_SIZE);
        }
    }
}
