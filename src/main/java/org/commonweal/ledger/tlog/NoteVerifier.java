package org.commonweal.ledger.tlog;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import org.commonweal.ledger.tlog.NoteException.Kind;
import org.commonweal.ledger.tlog.internal.Ed25519;
import org.commonweal.ledger.tlog.internal.NoteSyntax;

/**
 * A trusted Ed25519 note key, from a verifier key string {@code <name>+<hex key ID>+<base64(0x01 || public key)>}
 * (Go's {@code note.NewVerifier} format, e.g. {@code example.com/foo+530d903a+AekyeRrm...}).
 */
public final class NoteVerifier {

    private final String keyName;
    private final int keyId;
    private final byte[] publicKey;

    private NoteVerifier(String keyName, byte[] publicKey) {
        if (!NoteSyntax.isValidKeyName(keyName)) {
            throw new NoteException(Kind.INVALID_KEY, "invalid key name \"" + keyName + "\"");
        }
        try {
            Ed25519.publicKey(publicKey);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new NoteException(Kind.INVALID_KEY, "not a usable Ed25519 public key for " + keyName, e);
        }
        this.keyName = keyName;
        this.publicKey = publicKey.clone();
        this.keyId = NoteKeys.keyId(keyName, publicKey);
    }

    /** A verifier for a raw 32-byte Ed25519 public key; the key ID is derived as the spec recommends. */
    public static NoteVerifier of(String keyName, byte[] publicKey) {
        return new NoteVerifier(keyName, publicKey);
    }

    /**
     * Parses a verifier key string.
     *
     * @throws NoteException of kind {@code INVALID_KEY} if it is malformed, not Ed25519, or its
     *     key ID does not match its name and key (a sign of a mangled or hand-edited string)
     */
    public static NoteVerifier fromVerifierKey(String verifierKey) {
        // The base64 part may itself contain '+', so split into at most three parts.
        String[] parts = verifierKey.split("\\+", 3);
        if (parts.length != 3 || !parts[1].matches("[0-9a-fA-F]{8}")) {
            throw new NoteException(Kind.INVALID_KEY, "verifier key must be <name>+<8 hex digits>+<base64 key>");
        }
        byte[] key = NoteSyntax.decodeCanonicalBase64(parts[2])
                .orElseThrow(() -> new NoteException(Kind.INVALID_KEY, "verifier key data is not canonical base64"));
        if (key.length != 1 + Ed25519.KEY_SIZE || key[0] != NoteKeys.ED25519_SIGNATURE_TYPE) {
            throw new NoteException(Kind.INVALID_KEY, "verifier key is not an Ed25519 key (type 0x01 and 32 bytes)");
        }
        NoteVerifier verifier = new NoteVerifier(parts[0], Arrays.copyOfRange(key, 1, key.length));
        if (verifier.keyId != Integer.parseUnsignedInt(parts[1], 16)) {
            throw new NoteException(Kind.INVALID_KEY, "verifier key ID " + parts[1] + " does not match the key; expected "
                    + NoteSyntax.keyIdHex(verifier.keyId));
        }
        return verifier;
    }

    public String keyName() {
        return keyName;
    }

    public int keyId() {
        return keyId;
    }

    /** The raw 32-byte public key. */
    public byte[] publicKey() {
        return publicKey.clone();
    }

    /** This key as a verifier key string, the form to publish and configure. */
    public String verifierKey() {
        return NoteKeys.verifierKeyString(keyName, publicKey);
    }

    /** Whether {@code signature} is this key's Ed25519 signature over the UTF-8 bytes of {@code text}. */
    public boolean verify(String text, byte[] signature) {
        return Ed25519.verify(publicKey, text.getBytes(StandardCharsets.UTF_8), signature);
    }

    @Override
    public String toString() {
        return verifierKey();
    }
}
