package org.commonweal.ledger.tlog.internal;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.NamedParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The JDK's Ed25519 with the raw 32-byte key encodings that signed notes use.
 */
public final class Ed25519 {

    public static final int KEY_SIZE = 32;

    // DER SubjectPublicKeyInfo header for Ed25519 (RFC 8410): SEQUENCE { AlgorithmIdentifier 1.3.101.112, BIT STRING }.
    private static final byte[] X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    private Ed25519() {
    }

    /** A fresh key pair as raw bytes. */
    public static RawKeyPair generate() {
        try {
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            byte[] seed = ((EdECPrivateKey) pair.getPrivate()).getBytes()
                    .orElseThrow(() -> new IllegalStateException("Ed25519 provider does not expose the private key seed"));
            return new RawKeyPair(seed, rawPublicKey(pair.getPublic()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is not available", e);
        }
    }

    /**
     * The public key for a 32-byte private seed. The JDK has no public API for this, so the key pair
     * generator is handed a "random" source that yields the seed; the generator draws exactly the
     * 32 seed bytes from it (RFC 8032 §5.1.5), and the check below refuses any provider that does not.
     */
    public static byte[] publicKeyFromSeed(byte[] seed) {
        requireKeySize("private key seed", seed);
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
            generator.initialize(NamedParameterSpec.ED25519, new SeedSource(seed));
            KeyPair pair = generator.generateKeyPair();
            byte[] usedSeed = ((EdECPrivateKey) pair.getPrivate()).getBytes().orElse(new byte[0]);
            if (!Arrays.equals(usedSeed, seed)) {
                throw new IllegalStateException("Ed25519 provider did not derive the key from the given seed");
            }
            return rawPublicKey(pair.getPublic());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is not available", e);
        }
    }

    public static byte[] sign(byte[] seed, byte[] message) {
        requireKeySize("private key seed", seed);
        try {
            PrivateKey key = KeyFactory.getInstance("Ed25519")
                    .generatePrivate(new EdECPrivateKeySpec(NamedParameterSpec.ED25519, seed));
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(key);
            signer.update(message);
            return signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }

    /** False for a wrong signature and for a public key that is not a valid curve point. */
    public static boolean verify(byte[] publicKey, byte[] message, byte[] signature) {
        requireKeySize("public key", publicKey);
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(publicKey(publicKey));
            verifier.update(message);
            return verifier.verify(signature);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    /** Parses a raw public key, so that a bad verifier key fails when configured, not at first use. */
    public static PublicKey publicKey(byte[] raw) throws GeneralSecurityException {
        requireKeySize("public key", raw);
        byte[] encoded = Arrays.copyOf(X509_PREFIX, X509_PREFIX.length + KEY_SIZE);
        System.arraycopy(raw, 0, encoded, X509_PREFIX.length, KEY_SIZE);
        return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(encoded));
    }

    private static byte[] rawPublicKey(PublicKey key) {
        byte[] encoded = key.getEncoded();
        return Arrays.copyOfRange(encoded, encoded.length - KEY_SIZE, encoded.length);
    }

    private static void requireKeySize(String what, byte[] key) {
        if (key.length != KEY_SIZE) {
            throw new IllegalArgumentException("Ed25519 " + what + " must be " + KEY_SIZE + " bytes, got " + key.length);
        }
    }

    /** Raw Ed25519 keys: the RFC 8032 32-byte private seed and 32-byte public key. */
    public record RawKeyPair(byte[] seed, byte[] publicKey) {
    }

    private static final class SeedSource extends SecureRandom {

        private static final long serialVersionUID = 1L;

        private final byte[] seed;

        SeedSource(byte[] seed) {
            this.seed = seed.clone();
        }

        @Override
        public void nextBytes(byte[] bytes) {
            if (bytes.length != seed.length) {
                throw new IllegalStateException("Ed25519 provider asked for " + bytes.length + " random bytes, expected "
                        + seed.length);
            }
            System.arraycopy(seed, 0, bytes, 0, seed.length);
        }
    }
}
