package org.commonweal.ledger.tlog;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.commonweal.ledger.tlog.internal.HashReads;

/**
 * Computes the stored hashes that appending leaves adds (Go tlog's {@code StoredHashes}).
 */
public final class StoredHashes {

    private StoredHashes() {
    }

    /**
     * Returns the rows to insert when {@code newLeafHashes} are appended to a tree of
     * {@code treeSize} leaves: indexes {@code count(treeSize) .. count(treeSize + k) - 1}, in order.
     *
     * <p>A whole batch is handled in one call because a subtree completed inside the batch needs
     * hashes produced earlier in the same batch; those are taken from the batch itself and only
     * left siblings that are already stored are read, in one {@link HashReader} call.
     *
     * @param treeSize leaves already in the tree (all of their stored hashes must be readable)
     * @param newLeafHashes {@link MerkleHash#leafHash} of each new entry, in log order
     */
    public static List<StoredHash> append(long treeSize, List<byte[]> newLeafHashes, HashReader stored) {
        StoredHashLayout.checkTreeSize(treeSize);
        StoredHashLayout.checkTreeSize(treeSize + newLeafHashes.size());
        for (int i = 0; i < newLeafHashes.size(); i++) {
            if (newLeafHashes.get(i).length != MerkleHash.SIZE) {
                throw new IllegalArgumentException("new leaf hash " + i + " is " + newLeafHashes.get(i).length
                        + " bytes, want " + MerkleHash.SIZE);
            }
        }
        long firstNewIndex = StoredHashLayout.count(treeSize);
        Map<Long, byte[]> known = readStoredSiblings(treeSize, newLeafHashes.size(), firstNewIndex, stored);

        List<StoredHash> added = new ArrayList<>();
        for (int i = 0; i < newLeafHashes.size(); i++) {
            long leaf = treeSize + i;
            byte[] hash = newLeafHashes.get(i);
            added.add(new StoredHash(StoredHashLayout.index(0, leaf), hash));
            for (int level = 0; level < completedLevels(leaf); level++) {
                long leftSibling = leftHalfIndex(leaf, level);
                byte[] left = leftSibling < firstNewIndex
                        ? Objects.requireNonNull(known.get(leftSibling))
                        : added.get(Math.toIntExact(leftSibling - firstNewIndex)).hash();
                hash = MerkleHash.nodeHash(left, hash);
                added.add(new StoredHash(StoredHashLayout.index(level + 1, leaf >> (level + 1)), hash));
            }
        }
        return List.copyOf(added);
    }

    // Leaf m is the last leaf of one new complete subtree per trailing 1-bit of m (levels 1..t).
    private static int completedLevels(long leaf) {
        return Long.numberOfTrailingZeros(~leaf);
    }

    // The subtree completed at level l+1 joins (l, (m >> l) - 1) on the left with m's own side.
    private static long leftHalfIndex(long leaf, int level) {
        return StoredHashLayout.index(level, (leaf >> level) - 1);
    }

    private static Map<Long, byte[]> readStoredSiblings(long treeSize, int newLeaves, long firstNewIndex, HashReader stored) {
        TreeSet<Long> needed = new TreeSet<>();
        for (int i = 0; i < newLeaves; i++) {
            long leaf = treeSize + i;
            for (int level = 0; level < completedLevels(leaf); level++) {
                long leftSibling = leftHalfIndex(leaf, level);
                if (leftSibling < firstNewIndex) {
                    needed.add(leftSibling);
                }
            }
        }
        long[] indexes = needed.stream().mapToLong(Long::longValue).toArray();
        List<byte[]> hashes = HashReads.read(stored, indexes);
        Map<Long, byte[]> byIndex = new HashMap<>();
        for (int i = 0; i < indexes.length; i++) {
            byIndex.put(indexes[i], hashes.get(i));
        }
        return byIndex;
    }
}
