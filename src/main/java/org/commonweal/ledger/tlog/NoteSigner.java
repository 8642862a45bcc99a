package org.commonweal.ledger.tlog;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.commonweal.ledger.tlog.NoteException.Kind;
import org.commonweal.ledger.tlog.internal.Ed25519;
import org.commonweal.ledger.tlog.internal.NoteSyntax;

/**
 * An Ed25519 note signing key, from a signer key string
 * {@code PRIVATE+KEY+<name>+<hex key ID>+<base64(0x01 || seed)>} (Go's {@code note.NewSigner} format).
 */
public final class NoteSigner {

    private static final String PRIVATE_KEY_PREFIX = "PRIVATE+KEY+";

    private final String keyName;
    private final byte[] seed;
    private final NoteVerifier verifier;

    private NoteSigner(String keyName, byte[] seed) {
        this.keyName = keyName;
        this.seed = seed.clone();
        this.verifier = NoteVerifier.of(keyName, Ed25519.publicKeyFromSeed(seed));
    }

    /**
     * Parses a signer key string.
     *
     * @throws NoteException of kind {@code INVALID_KEY} if it is malformed, not Ed25519, or its
     *     key ID does not belong to the key it contains
     */
    public static NoteSigner fromSignerKey(String signerKey) {
        if (!signerKey.startsWith(PRIVATE_KEY_PREFIX)) {
            throw new NoteException(Kind.INVALID_KEY, "signer key must start with " + PRIVATE_KEY_PREFIX);
        }
        String[] parts = signerKey.substring(PRIVATE_KEY_PREFIX.length()).split("\\+", 3);
        if (parts.length != 3 || !parts[1].matches("[0-9a-fA-F]{8}")) {
            // Deliberately vague: the string is secret and must not end up in logs via a message.
            throw new NoteException(Kind.INVALID_KEY, "signer key must be PRIVATE+KEY+<name>+<8 hex digits>+<base64 key>");
        }
        if (!NoteSyntax.isValidKeyName(parts[0])) {
            throw new NoteException(Kind.INVALID_KEY, "invalid key name in signer key");
        }
        byte[] key = NoteSyntax.decodeCanonicalBase64(parts[2])
                .orElseThrow(() -> new NoteException(Kind.INVALID_KEY, "signer key data is not canonical base64"));
        if (key.length != 1 + Ed25519.KEY_SIZE || key[0] != NoteKeys.ED25519_SIGNATURE_TYPE) {
            throw new NoteException(Kind.INVALID_KEY, "signer key is not an Ed25519 key (type 0x01 and a 32-byte seed)");
        }
        NoteSigner signer = new NoteSigner(parts[0], Arrays.copyOfRange(key, 1, key.length));
        if (signer.keyId() != Integer.parseUnsignedInt(parts[1], 16)) {
            throw new NoteException(Kind.INVALID_KEY, "signer key ID does not match the key it contains");
        }
        return signer;
    }

    /** A signer for a raw 32-byte Ed25519 private seed. */
    public static NoteSigner of(String keyName, byte[] seed) {
        return new NoteSigner(keyName, seed);
    }

    public String keyName() {
        return keyName;
    }

    public int keyId() {
        return verifier.keyId();
    }

    /** The matching verifier; publish {@code verifier().verifierKey()}. */
    public NoteVerifier verifier() {
        return verifier;
    }

    /** The signature line for {@code text}, which must be valid note text (ends in a newline, no control characters). */
    public NoteSignature sign(String text) {
        NoteSyntax.textProblem(text).ifPresent(problem -> {
            throw new NoteException(Kind.MALFORMED_NOTE, problem);
        });
        byte[] signature = Ed25519.sign(seed, text.getBytes(StandardCharsets.UTF_8));
        return new NoteSignature(keyName, keyId(), signature);
    }

    /** The complete signed note for {@code text}, signed by this key alone. */
    public String signNote(String text) {
        return new SignedNote(text, List.of(sign(text))).format();
    }

    /** Never the key material: signers end up in logs via toString more often than one expects. */
    @Override
    public String toString() {
        return "NoteSigner[" + keyName + "+" + NoteSyntax.keyIdHex(keyId()) + "]";
    }
}
