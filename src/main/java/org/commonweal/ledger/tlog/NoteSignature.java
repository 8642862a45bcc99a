package org.commonweal.ledger.tlog;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Base64;
import org.commonweal.ledger.tlog.internal.NoteSyntax;

/**
 * One signature line of a signed note: {@code — <name> base64(keyId || signature)}.
 *
 * @param keyName the signing key's name
 * @param keyId the 32-bit key ID (compare unsigned; Java has no uint32)
 * @param signature the algorithm's signature bytes, without the key ID
 */
public record NoteSignature(String keyName, int keyId, byte[] signature) {

    /** U+2014 EM DASH and a space start every signature line; a hyphen is not accepted. */
    public static final String LINE_PREFIX = "\u2014 ";

    public NoteSignature {
        if (!NoteSyntax.isValidKeyName(keyName)) {
            throw new NoteException(NoteException.Kind.MALFORMED_NOTE, "invalid key name \"" + keyName
                    + "\": must be non-empty, without spaces or '+'");
        }
        if (signature.length == 0) {
            throw new NoteException(NoteException.Kind.MALFORMED_NOTE, "signature by " + keyName + " is empty");
        }
        signature = signature.clone();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    /** The full signature line, newline included. */
    public String line() {
        byte[] payload = ByteBuffer.allocate(4 + signature.length).putInt(keyId).put(signature).array();
        return LINE_PREFIX + keyName + " " + Base64.getEncoder().encodeToString(payload) + "\n";
    }

    /** Whether this signature claims to be by the given key (same name and ID). */
    public boolean isBy(NoteVerifier verifier) {
        return keyName.equals(verifier.keyName()) && keyId == verifier.keyId();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof NoteSignature that && keyName.equals(that.keyName) && keyId == that.keyId
                && Arrays.equals(signature, that.signature);
    }

    @Override
    public int hashCode() {
        return (keyName.hashCode() * 31 + keyId) * 31 + Arrays.hashCode(signature);
    }

    @Override
    public String toString() {
        return line().stripTrailing();
    }
}
