package org.commonweal.ledger.tlog.internal;

import java.util.ArrayList;
import java.util.List;
import org.commonweal.ledger.tlog.CompleteSubtree;

/**
 * The leaves {@code [start, end)} of one node of the RFC 9162 tree, i.e. the argument of one
 * {@code MTH(D[start:end])} in a proof.
 */
public record LeafRange(long start, long end) {

    public LeafRange {
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("leaf range [" + start + ", " + end + ") is empty or negative");
        }
    }

    public long size() {
        return end - start;
    }

    /**
     * The complete subtrees whose hashes make up {@code MTH(D[start:end])}, left to right.
     *
     * <p>RFC 9162 splits a node of size s at the largest power of two below s, so the left part is
     * always complete and only the right part recurses. Unrolled, the node is the complete subtrees
     * for the 1-bits of s from high to low, folded from the right. That holds only for ranges that
     * are nodes of the tree, which start at a multiple of their highest power of two; anything else
     * is a planning bug and is refused rather than hashed into a wrong value.
     */
    public List<CompleteSubtree> completeSubtrees() {
        List<CompleteSubtree> parts = new ArrayList<>();
        long first = start;
        long remaining = size();
        while (remaining > 0) {
            int level = 63 - Long.numberOfLeadingZeros(remaining);
            if ((first & ((1L << level) - 1)) != 0) {
                throw new IllegalArgumentException("leaf range [" + start + ", " + end + ") is not a node of an RFC 9162 tree");
            }
            parts.add(new CompleteSubtree(level, first >> level));
            first += 1L << level;
            remaining -= 1L << level;
        }
        return parts;
    }
}
