package org.commonweal.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.commonweal.platform.CommonwealException;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * API tokens for a department's own systems. The token is shown once when issued; only its
 * SHA-256 is stored (a random 256-bit token needs no slow hash), so a database leak reveals none.
 *
 * <p>A token that authenticated is remembered for {@link #REMEMBERED} so that a busy client (an
 * Open311 system posting thousands of requests a second, a gateway consumer) does not cost a
 * database round trip per call. Revoking forgets every remembered token at once on this instance;
 * another instance of the application may accept a revoked token for up to that long.
 */
@Service
public class ApiTokens {

    private static final String PREFIX = "cw_";
    static final Duration REMEMBERED = Duration.ofSeconds(5);
    // Only tokens that authenticated are remembered, so guessing cannot fill this; the cap is for
    // an installation with very many live clients, where forgetting all now and then costs little.
    private static final int MAX_REMEMBERED = 10_000;

    private final SecureRandom random = new SecureRandom();
    private final Map<String, Remembered> remembered = new ConcurrentHashMap<>();
    private final JdbcClient jdbc;
    private final Clock clock;

    ApiTokens(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A token as listed to its department: never the secret itself. */
    public record TokenInfo(UUID id, String name, String hint, Instant createdAt, @Nullable Instant lastUsedAt,
                            @Nullable Instant revokedAt) {
        public boolean active() {
            return revokedAt == null;
        }
    }

    /** The one moment the secret exists outside the caller's system. */
    public record IssuedToken(TokenInfo info, String secret) {
    }

    @Transactional
    public IssuedToken issue(UUID organisationId, String name, UUID issuedBy) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        String hint = secret.substring(0, PREFIX.length() + 4) + "…";
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        jdbc.sql("INSERT INTO identity_api_token (id, organisation_id, name, token_hash, token_hint, created_by, created_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(id, organisationId, name, digest(secret), hint, issuedBy, Timestamp.from(now)).update();
        return new IssuedToken(new TokenInfo(id, name, hint, now, null, null), secret);
    }

    public List<TokenInfo> of(UUID organisationId) {
        return jdbc.sql("SELECT id, name, token_hint, created_at, last_used_at, revoked_at FROM identity_api_token"
                        + " WHERE organisation_id = ? ORDER BY created_at DESC")
                .param(organisationId)
                .query((rs, n) -> new TokenInfo(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant(), instant(rs.getTimestamp(5)), instant(rs.getTimestamp(6))))
                .list();
    }

    /** Revokes one of the department's tokens; another department's token is "not found" to it. */
    @Transactional
    public void revoke(UUID organisationId, UUID tokenId) {
        int updated = jdbc.sql("UPDATE identity_api_token SET revoked_at = coalesce(revoked_at, ?)"
                        + " WHERE id = ? AND organisation_id = ?")
                .params(Timestamp.from(clock.instant()), tokenId, organisationId).update();
        if (updated == 0) {
            throw new CommonwealException(IdentityErrorCode.TOKEN_NOT_FOUND, "Your department has no token " + tokenId);
        }
        // Only digests are remembered, not which token each is, so all are forgotten; after the
        // commit, or a call in between could remember the token again as not yet revoked.
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                remembered.clear();
            }
        });
    }

    /**
     * The machine client a presented token belongs to, if the token is known and not revoked. The
     * last use is written at most once a minute, so a busy client does not queue on its token's row.
     */
    public Optional<CommonwealUser> authenticate(String presented) {
        if (!presented.startsWith(PREFIX) || presented.length() > 100) {
            return Optional.empty();
        }
        String digest = digest(presented);
        Instant now = clock.instant();
        Remembered known = remembered.get(digest);
        if (known != null && now.isBefore(known.until())) {
            return Optional.of(known.client());
        }
        record Found(CommonwealUser client, @Nullable Instant lastUsedAt) {
        }
        Optional<Found> found = jdbc.sql("SELECT id, name, organisation_id, last_used_at FROM identity_api_token"
                        + " WHERE token_hash = ? AND revoked_at IS NULL")
                .param(digest)
                .query((rs, n) -> new Found(new CommonwealUser(rs.getObject(1, UUID.class), rs.getString(2),
                        rs.getObject(3, UUID.class), java.util.Set.of(), true), instant(rs.getTimestamp(4))))
                .optional();
        found.filter(f -> f.lastUsedAt() == null || f.lastUsedAt().isBefore(now.minusSeconds(60)))
                .ifPresent(f -> jdbc.sql("UPDATE identity_api_token SET last_used_at = ? WHERE id = ?")
                        .params(Timestamp.from(now), f.client().id()).update());
        found.ifPresent(f -> remember(digest, f.client(), now));
        return found.map(Found::client);
    }

    private record Remembered(CommonwealUser client, Instant until) {
    }

    private void remember(String digest, CommonwealUser client, Instant now) {
        if (remembered.size() >= MAX_REMEMBERED) {
            remembered.clear();
        }
        remembered.put(digest, new Remembered(client, now.plus(REMEMBERED)));
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static String digest(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }
}
