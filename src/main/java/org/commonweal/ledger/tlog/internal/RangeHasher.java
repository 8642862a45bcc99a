package org.commonweal.ledger.tlog.internal;

import java.util.ArrayList;
import java.util.List;
import org.commonweal.ledger.tlog.CompleteSubtree;
import org.commonweal.ledger.tlog.HashReader;
import org.commonweal.ledger.tlog.MerkleHash;

/**
 * Computes {@code MTH} of tree nodes from stored complete-subtree hashes, with a single batched read.
 */
public final class RangeHasher {

    private RangeHasher() {
    }

    public static List<byte[]> hash(List<LeafRange> ranges, HashReader reader) {
        List<List<CompleteSubtree>> parts = new ArrayList<>(ranges.size());
        int total = 0;
        for (LeafRange range : ranges) {
            List<CompleteSubtree> subtrees = range.completeSubtrees();
            parts.add(subtrees);
            total += subtrees.size();
        }
        long[] indexes = new long[total];
        int next = 0;
        for (List<CompleteSubtree> subtrees : parts) {
            for (CompleteSubtree subtree : subtrees) {
                indexes[next++] = subtree.storedHashIndex();
            }
        }
        List<byte[]> stored = HashReads.read(reader, indexes);

        List<byte[]> result = new ArrayList<>(ranges.size());
        int offset = 0;
        for (List<CompleteSubtree> subtrees : parts) {
            result.add(foldFromRight(stored.subList(offset, offset + subtrees.size())));
            offset += subtrees.size();
        }
        return result;
    }

    // The smaller subtrees sit deeper on the right edge, so they combine first.
    private static byte[] foldFromRight(List<byte[]> subtreeHashes) {
        byte[] hash = subtreeHashes.getLast();
        for (int i = subtreeHashes.size() - 2; i >= 0; i--) {
            hash = MerkleHash.nodeHash(subtreeHashes.get(i), hash);
        }
        return hash;
    }
}
