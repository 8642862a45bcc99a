package org.commonweal.identity.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing: after a few wrong passwords for an account, each further attempt
 * must wait, and the wait doubles with every failure up to a cap. A right password resets it.
 */
@Component
public class SignInAttempts {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final IdentitySettings settings;

    SignInAttempts(JdbcClient jdbc, Clock clock, IdentitySettings settings) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.settings = settings;
    }

    public void failed(String username) {
        Integer failures = jdbc.sql("UPDATE identity_account SET failed_logins = failed_logins + 1"
                        + " WHERE lower(username) = lower(?) RETURNING failed_logins")
                .param(username).query(Integer.class).optional().orElse(null);
        if (failures == null || failures < settings.failedSignInsBeforeDelay()) {
            return;
        }
        Instant until = clock.instant().plus(delayAfter(failures));
        jdbc.sql("UPDATE identity_account SET locked_until = ? WHERE lower(username) = lower(?)")
                .params(Timestamp.from(until), username).update();
    }

    public void succeeded(String username) {
        jdbc.sql("UPDATE identity_account SET failed_logins = 0, locked_until = NULL WHERE lower(username) = lower(?)")
                .param(username).update();
    }

    public java.util.Optional<Instant> lockedUntil(String username) {
        return jdbc.sql("SELECT locked_until FROM identity_account WHERE lower(username) = lower(?) AND locked_until IS NOT NULL")
                .param(username).query(java.sql.Timestamp.class).optional().map(Timestamp::toInstant);
    }

    Duration delayAfter(int failures) {
        int doublings = Math.min(failures - settings.failedSignInsBeforeDelay(), 20);
        Duration delay = settings.firstDelay().multipliedBy(1L << doublings);
        return delay.compareTo(settings.longestDelay()) > 0 ? settings.longestDelay() : delay;
    }
}
