package org.commonweal.ledger.tlog;

import java.util.List;
import org.commonweal.ledger.tlog.internal.LeafRange;
import org.commonweal.ledger.tlog.internal.ProofPaths;
import org.commonweal.ledger.tlog.internal.RangeHasher;

/**
 * Root hashes and RFC 9162 proofs of any tree size that storage holds, computed from stored
 * complete-subtree hashes.
 *
 * <p>Each call reads O(log n) stored hashes in one batch: a proof node is either a complete
 * subtree (one stored hash) or a right-edge node, rebuilt from at most log2(n) complete subtrees,
 * and a proof has at most one right-edge node. Only indexes below
 * {@link StoredHashLayout#count count(treeSize)} are read, so proofs for an older tree size are
 * still answered correctly after the log has grown.
 */
public final class StoredTree {

    private final HashReader reader;

    public StoredTree(HashReader reader) {
        this.reader = reader;
    }

    /** RFC 9162 {@code MTH(D[0:treeSize])}; the empty tree's root is {@link MerkleHash#emptyTreeRoot()}. */
    public byte[] rootHash(long treeSize) {
        StoredHashLayout.checkTreeSize(treeSize);
        if (treeSize == 0) {
            return MerkleHash.emptyTreeRoot();
        }
        return RangeHasher.hash(List.of(new LeafRange(0, treeSize)), reader).getFirst();
    }

    /**
     * RFC 9162 §2.1.3.1 inclusion proof (audit path) of leaf {@code leafIndex} in the tree of
     * {@code treeSize} leaves, ordered from the leaf's sibling up to the root's child.
     */
    public List<byte[]> inclusionProof(long leafIndex, long treeSize) {
        StoredHashLayout.checkTreeSize(treeSize);
        if (leafIndex < 0 || leafIndex >= treeSize) {
            throw new IllegalArgumentException("leaf index " + leafIndex + " is not in a tree of size " + treeSize);
        }
        return RangeHasher.hash(ProofPaths.inclusion(leafIndex, treeSize), reader);
    }

    /**
     * RFC 9162 §2.1.4.1 consistency proof that the tree of {@code oldSize} leaves is a prefix of the
     * tree of {@code newSize} leaves. Empty when the sizes are equal.
     *
     * @throws IllegalArgumentException if {@code oldSize} is 0 (nothing to prove: every tree extends
     *     the empty one, and verifiers reject such proofs) or larger than {@code newSize}
     */
    public List<byte[]> consistencyProof(long oldSize, long newSize) {
        StoredHashLayout.checkTreeSize(newSize);
        if (oldSize < 1 || oldSize > newSize) {
            throw new IllegalArgumentException("no consistency proof from size " + oldSize + " to size " + newSize
                    + "; need 0 < oldSize <= newSize");
        }
        return RangeHasher.hash(ProofPaths.consistency(oldSize, newSize), reader);
    }
}
