package org.commonweal.ledger.tlog;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import org.commonweal.ledger.tlog.internal.Ed25519;
import org.commonweal.ledger.tlog.internal.NoteSyntax;

/**
 * Ed25519 note key generation and key IDs (C2SP signed-note).
 */
public final class NoteKeys {

    /** Signature type byte of Ed25519 note signatures. */
    public static final byte ED25519_SIGNATURE_TYPE = 0x01;

    private NoteKeys() {
    }

    /**
     * A new key named {@code keyName}, in the string forms of Go's {@code note.GenerateKey}.
     *
     * @param signerKey {@code PRIVATE+KEY+<name>+<id>+<base64(0x01 || seed)>}: a secret, for the signing service only
     * @param verifierKey {@code <name>+<id>+<base64(0x01 || public key)>}: public, for clients and witnesses
     */
    public record GeneratedKey(String signerKey, String verifierKey) {

        @Override
        public String toString() {
            return "GeneratedKey[verifierKey=" + verifierKey + "]";
        }
    }

    public static GeneratedKey generate(String keyName) {
        if (!NoteSyntax.isValidKeyName(keyName)) {
            throw new NoteException(NoteException.Kind.INVALID_KEY, "invalid key name \"" + keyName
                    + "\": must be non-empty, without spaces or '+'");
        }
        Ed25519.RawKeyPair pair = Ed25519.generate();
        int keyId = keyId(keyName, pair.publicKey());
        String signerKey = "PRIVATE+KEY+" + keyName + "+" + NoteSyntax.keyIdHex(keyId) + "+" + typedBase64(pair.seed());
        return new GeneratedKey(signerKey, verifierKeyString(keyName, pair.publicKey()));
    }

    /** {@code SHA-256(name || 0x0A || 0x01 || publicKey)[:4]}, big-endian, as the spec recommends for Ed25519. */
    public static int keyId(String keyName, byte[] publicKey) {
        MessageDigest digest = MerkleHash.sha256();
        digest.update(keyName.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) '\n');
        digest.update(ED25519_SIGNATURE_TYPE);
        digest.update(publicKey);
        byte[] hash = digest.digest();
        return ((hash[0] & 0xFF) << 24) | ((hash[1] & 0xFF) << 16) | ((hash[2] & 0xFF) << 8) | (hash[3] & 0xFF);
    }

    static String verifierKeyString(String keyName, byte[] publicKey) {
        return keyName + "+" + NoteSyntax.keyIdHex(keyId(keyName, publicKey)) + "+" + typedBase64(publicKey);
    }

    private static String typedBase64(byte[] key) {
        byte[] typed = new byte[1 + key.length];
        typed[0] = ED25519_SIGNATURE_TYPE;
        System.arraycopy(key, 0, typed, 1, key.length);
        return Base64.getEncoder().encodeToString(typed);
    }
}
