package org.commonweal.ledger.tlog.internal;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Which tree nodes make up RFC 9162 proofs, as leaf ranges, before any hash is read.
 *
 * <p>Planning first lets the caller fetch every needed stored hash in one batch. Both walks go
 * from the root down and then reverse, because the proofs list nodes from the leaf upwards.
 */
public final class ProofPaths {

    private ProofPaths() {
    }

    /** RFC 9162 §2.1.3.1 {@code PATH(m, D[n])}: the sibling of every node from leaf {@code index} up to the root. */
    public static List<LeafRange> inclusion(long index, long treeSize) {
        Deque<LeafRange> nodes = new ArrayDeque<>();
        long start = 0;
        long end = treeSize;
        while (end - start > 1) {
            long split = start + largestPowerOfTwoBelow(end - start);
            if (index < split) {
                nodes.push(new LeafRange(split, end));
                end = split;
            } else {
                nodes.push(new LeafRange(start, split));
                start = split;
            }
        }
        return List.copyOf(nodes);
    }

    /**
     * RFC 9162 §2.1.4.1 {@code PROOF(m, D[n]) = SUBPROOF(m, D[n], true)}, with the recursion over
     * {@code D[start:end]} unrolled; {@code oldSize} stays absolute, so "m equals the subtree size"
     * becomes {@code oldSize == end}.
     */
    public static List<LeafRange> consistency(long oldSize, long newSize) {
        Deque<LeafRange> nodes = new ArrayDeque<>();
        long start = 0;
        long end = newSize;
        boolean oldTreeIsThisSubtree = true; // the RFC's flag b
        while (oldSize != end) {
            long split = start + largestPowerOfTwoBelow(end - start);
            if (oldSize <= split) {
                nodes.push(new LeafRange(split, end));
                end = split;
            } else {
                nodes.push(new LeafRange(start, split));
                start = split;
                oldTreeIsThisSubtree = false;
            }
        }
        // When the old tree is a proper subtree of the new one the verifier already holds its hash
        // (it is the old root), so the RFC leaves it out; otherwise it must be supplied.
        if (!oldTreeIsThisSubtree) {
            nodes.push(new LeafRange(start, end));
        }
        return List.copyOf(nodes);
    }

    /** Largest power of two strictly below {@code n}, for n ≥ 2: RFC 9162's split point k. */
    static long largestPowerOfTwoBelow(long n) {
        return Long.highestOneBit(n - 1);
    }
}
