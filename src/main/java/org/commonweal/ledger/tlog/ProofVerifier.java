package org.commonweal.ledger.tlog;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 9162 §2.1.3.2 and §2.1.4.2 proof verification, plus two strictness rules of the reference
 * implementation (transparency-dev/merkle):
 *
 * <ul>
 *   <li>every hash given (leaf hash, roots, proof elements) must be exactly 32 bytes, even when a
 *       check would otherwise pass on equal values;</li>
 *   <li>a consistency proof needs {@code 0 < size1 <= size2}: nothing can be learnt from the empty
 *       tree, so {@code size1 == 0} fails even for {@code 0 -> 0}.</li>
 * </ul>
 *
 * Every failure throws {@link ProofException} naming the reason; returning normally means verified.
 */
public final class ProofVerifier {

    private ProofVerifier() {
    }

    /**
     * Checks that {@code leafHash} is leaf {@code leafIndex} of the tree of {@code treeSize} leaves
     * whose root is {@code rootHash}.
     */
    public static void verifyInclusion(long leafIndex, long treeSize, byte[] leafHash, List<byte[]> proof, byte[] rootHash) {
        if (leafIndex < 0 || treeSize < 0) {
            throw new ProofException("leaf index and tree size must not be negative");
        }
        if (leafIndex >= treeSize) {
            throw new ProofException("leaf index " + leafIndex + " is not below tree size " + treeSize);
        }
        requireHashSize("leaf hash", leafHash);
        requireHashSize("root hash", rootHash);
        requireProofHashSizes(proof);

        long fn = leafIndex;
        long sn = treeSize - 1;
        byte[] r = leafHash;
        for (byte[] p : proof) {
            if (sn == 0) {
                throw new ProofException("inclusion proof has " + hashCount(proof) + ", more than the path from leaf "
                        + leafIndex + " to the root of a tree of size " + treeSize);
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = MerkleHash.nodeHash(p, r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                r = MerkleHash.nodeHash(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        if (sn != 0) {
            throw new ProofException("inclusion proof has " + hashCount(proof) + ", fewer than the path from leaf "
                    + leafIndex + " to the root of a tree of size " + treeSize);
        }
        if (!MerkleHash.equal(r, rootHash)) {
            throw new ProofException("inclusion proof leads to a different root hash than the one given");
        }
    }

    /**
     * Checks that the tree of {@code size1} leaves with root {@code root1} is a prefix of the tree of
     * {@code size2} leaves with root {@code root2}.
     */
    public static void verifyConsistency(long size1, long size2, List<byte[]> proof, byte[] root1, byte[] root2) {
        if (size1 < 0 || size2 < 0) {
            throw new ProofException("tree sizes must not be negative");
        }
        if (size1 == 0) {
            throw new ProofException("size1 is 0: consistency with the empty tree proves nothing and is not accepted");
        }
        if (size1 > size2) {
            throw new ProofException("size1 " + size1 + " is larger than size2 " + size2);
        }
        requireHashSize("root1", root1);
        requireHashSize("root2", root2);
        requireProofHashSizes(proof);
        if (size1 == size2) {
            if (!proof.isEmpty()) {
                throw new ProofException("sizes are equal, so the proof must be empty, but it has " + hashCount(proof));
            }
            if (!MerkleHash.equal(root1, root2)) {
                throw new ProofException("sizes are equal but the root hashes differ");
            }
            return;
        }
        if (proof.isEmpty()) {
            throw new ProofException("consistency proof from size " + size1 + " to " + size2 + " is empty");
        }

        List<byte[]> path = new ArrayList<>(proof.size() + 1);
        // A power-of-two old tree is a complete subtree of the new one, so its root is the first node.
        if (Long.bitCount(size1) == 1) {
            path.add(root1);
        }
        path.addAll(proof);

        long fn = size1 - 1;
        long sn = size2 - 1;
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        byte[] fr = path.getFirst();
        byte[] sr = path.getFirst();
        for (byte[] c : path.subList(1, path.size())) {
            if (sn == 0) {
                throw new ProofException("consistency proof has " + hashCount(proof) + ", more than needed from size "
                        + size1 + " to " + size2);
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = MerkleHash.nodeHash(c, fr);
                sr = MerkleHash.nodeHash(c, sr);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                sr = MerkleHash.nodeHash(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        if (sn != 0) {
            throw new ProofException("consistency proof has " + hashCount(proof) + ", fewer than needed from size "
                    + size1 + " to " + size2);
        }
        if (!MerkleHash.equal(fr, root1)) {
            throw new ProofException("consistency proof does not reproduce root1 (the old tree's root)");
        }
        if (!MerkleHash.equal(sr, root2)) {
            throw new ProofException("consistency proof does not reproduce root2 (the new tree's root)");
        }
    }

    private static String hashCount(List<byte[]> proof) {
        return proof.size() == 1 ? "1 hash" : proof.size() + " hashes";
    }

    private static void requireHashSize(String what, byte[] hash) {
        if (hash.length != MerkleHash.SIZE) {
            throw new ProofException(what + " is " + hash.length + " bytes; every hash must be exactly " + MerkleHash.SIZE);
        }
    }

    private static void requireProofHashSizes(List<byte[]> proof) {
        for (int i = 0; i < proof.size(); i++) {
            byte[] hash = proof.get(i);
            if (hash.length != MerkleHash.SIZE) {
                throw new ProofException("proof hash " + i + " is " + hash.length + " bytes; every hash must be exactly "
                        + MerkleHash.SIZE);
            }
        }
    }
}
