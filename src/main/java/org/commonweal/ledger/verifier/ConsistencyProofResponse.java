package org.commonweal.ledger.verifier;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.commonweal.ledger.tlog.MerkleHash;
import org.jspecify.annotations.Nullable;

/**
 * Reads {@code {"from":M,"to":N,"proof":["<base64 hash>", ...]}} from
 * {@code /api/v1/ledger/proofs/consistency}. The sizes are checked against what was asked, so a
 * proof for other sizes cannot be passed off as the one requested; whether the hashes prove
 * anything is left to {@link org.commonweal.ledger.ProofVerifier}.
 */
final class ConsistencyProofResponse {

    private ConsistencyProofResponse() {
    }

    /** The proof hashes, in order. */
    static List<byte[]> parse(String json, long from, long to) {
        try {
            if (!(JsonReader.parse(json) instanceof Map<?, ?> body)) {
                throw new VerificationFailure("consistency proof answer is not a JSON object");
            }
            requireSize(body, "from", from);
            requireSize(body, "to", to);
            if (!(body.get("proof") instanceof List<?> elements)) {
                throw new VerificationFailure("consistency proof answer has no \"proof\" array");
            }
            List<byte[]> proof = new ArrayList<>(elements.size());
            for (Object element : elements) {
                proof.add(hash(element, proof.size()));
            }
            return proof;
        } catch (IllegalArgumentException e) {
            throw new VerificationFailure("consistency proof answer is malformed: " + e.getMessage(), e);
        }
    }

    private static void requireSize(Map<?, ?> body, String name, long expected) {
        Object value = body.get(name);
        boolean matches = value instanceof BigDecimal number && number.compareTo(BigDecimal.valueOf(expected)) == 0;
        if (!matches) {
            throw new VerificationFailure("consistency proof answer has \"" + name + "\": " + value + ", but "
                    + expected + " was asked for");
        }
    }

    private static byte[] hash(@Nullable Object element, int position) {
        if (!(element instanceof String text)) {
            throw new VerificationFailure("consistency proof element " + position + " is not a string");
        }
        byte[] hash = Base64.getDecoder().decode(text);
        if (hash.length != MerkleHash.SIZE) {
            throw new VerificationFailure("consistency proof element " + position + " is " + hash.length
                    + " bytes, want " + MerkleHash.SIZE);
        }
        return hash;
    }
}
