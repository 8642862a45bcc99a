package org.commonweal.ledger.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;

import org.commonweal.ledger.tlog.NoteKeys;
import org.commonweal.ledger.tlog.NoteSigner;
import org.commonweal.ledger.tlog.NoteVerifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * The log's Ed25519 signing key and the secret behind pseudonyms. Taken from configuration; when
 * absent they are generated once into the key file (readable by the owner only) and reused.
 */
@Component
public class LedgerKeys {

    private static final Logger log = LoggerFactory.getLogger(LedgerKeys.class);

    private final NoteSigner signer;
    private final byte[] digestSecret;

    LedgerKeys(LedgerSettings settings) throws IOException {
        Properties stored = StringUtils.hasText(settings.signerKey()) && StringUtils.hasText(settings.digestSecret())
                ? new Properties() : loadOrCreate(Path.of(settings.keyFile()), settings.origin());
        String signerKey = StringUtils.hasText(settings.signerKey()) ? settings.signerKey() : stored.getProperty("signer-key");
        String secret = StringUtils.hasText(settings.digestSecret()) ? settings.digestSecret() : stored.getProperty("digest-secret");
        this.signer = NoteSigner.fromSignerKey(signerKey.trim());
        this.digestSecret = secret.trim().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        log.info("Ledger verifier key: {}", verifier().verifierKey());
    }

    public NoteSigner signer() {
        return signer;
    }

    public NoteVerifier verifier() {
        return signer.verifier();
    }

    public byte[] digestSecret() {
        return digestSecret.clone();
    }

    private static Properties loadOrCreate(Path file, String origin) throws IOException {
        Properties keys = new Properties();
        if (Files.exists(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                keys.load(in);
            }
            return keys;
        }
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        keys.setProperty("signer-key", NoteKeys.generate(origin).signerKey());
        keys.setProperty("digest-secret", Base64.getEncoder().encodeToString(secret));
        Files.createDirectories(file.toAbsolutePath().getParent());
        // owner-only from the moment it exists; the keys never sit in a readable file
        Path temporary = Files.createTempFile(file.toAbsolutePath().getParent(), "keys", ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try (OutputStream out = Files.newOutputStream(temporary)) {
            keys.store(out, "Commonweal ledger keys: every node of this log needs the same file. Never publish it.");
        }
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
        log.warn("Generated new ledger keys in {}; keep this file safe and identical on every node", file.toAbsolutePath());
        return keys;
    }
}
