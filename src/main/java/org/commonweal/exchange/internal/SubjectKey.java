package org.commonweal.exchange.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

import org.commonweal.exchange.ExchangeSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * The key behind data-subject hashes: from settings, or generated once into the key file (owner
 * only) and reused, like the ledger's keys. Losing it makes past calls unfindable for their subjects.
 */
@Component
public class SubjectKey {

    private static final Logger log = LoggerFactory.getLogger(SubjectKey.class);
    private final byte[] bytes;

    SubjectKey(ExchangeSettings settings) throws IOException {
        String configured = settings.subjectKey();
        this.bytes = StringUtils.hasText(configured) ? configured.strip().getBytes(StandardCharsets.UTF_8)
                : loadOrCreate(Path.of(settings.subjectKeyFile()));
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    private static byte[] loadOrCreate(Path file) throws IOException {
        if (Files.exists(file)) {
            return Files.readString(file, StandardCharsets.US_ASCII).strip().getBytes(StandardCharsets.US_ASCII);
        }
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        String encoded = Base64.getEncoder().encodeToString(secret);
        Path directory = file.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        Path temporary = Files.createTempFile(directory, "subject-key", ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(temporary, encoded + "\n", StandardCharsets.US_ASCII);
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
        log.warn("Generated a new data-subject key in {}; keep it safe and identical on every node", file.toAbsolutePath());
        return encoded.getBytes(StandardCharsets.US_ASCII);
    }
}
