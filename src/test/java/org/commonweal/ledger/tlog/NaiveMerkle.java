package org.commonweal.ledger.tlog;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * Straight transcription of the RFC 9162 §2.1.1 definition of MTH, recursing on the leaf list.
 * It shares no code with the kernel (not even {@link MerkleHash}), so agreement means something.
 */
final class NaiveMerkle {

    private NaiveMerkle() {
    }

    static byte[] leafHash(byte[] entry) {
        return sha256(new byte[] {0x00}, entry);
    }

    /** MTH(D[n]) over already-hashed leaves. */
    static byte[] root(List<byte[]> leafHashes) {
        int n = leafHashes.size();
        if (n == 0) {
            return sha256();
        }
        if (n == 1) {
            return leafHashes.getFirst().clone();
        }
        int k = 1;
        while (k * 2 < n) {
            k *= 2;
        }
        return sha256(new byte[] {0x01}, root(leafHashes.subList(0, k)), root(leafHashes.subList(k, n)));
    }

    private static byte[] sha256(byte[]... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (byte[] part : parts) {
                digest.update(part);
            }
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
