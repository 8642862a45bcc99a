package org.commonweal.identity.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import org.commonweal.identity.CommonwealUser;
import org.commonweal.identity.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** Loads an account for password sign-in, with its roles and any sign-in delay in force. */
@Component
class AccountUserDetailsService implements UserDetailsService {

    private final JdbcClient jdbc;
    private final Clock clock;

    AccountUserDetailsService(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public SignedInUser loadUserByUsername(String username) {
        return jdbc.sql("SELECT id, username, display_name, password_hash, organisation_id, enabled, locked_until"
                        + " FROM identity_account WHERE lower(username) = lower(?)")
                .param(username)
                .query((rs, n) -> {
                    UUID id = rs.getObject("id", UUID.class);
                    Timestamp lockedUntil = rs.getTimestamp("locked_until");
                    CommonwealUser user = new CommonwealUser(id, rs.getString("display_name"),
                            rs.getObject("organisation_id", UUID.class), rolesOf(id), false);
                    return new SignedInUser(user, rs.getString("username"), rs.getString("password_hash"),
                            rs.getBoolean("enabled"), lockedUntil == null ? null : lockedUntil.toInstant(), clock.instant());
                })
                .optional()
                .orElseThrow(() -> new UsernameNotFoundException("No such account"));
    }

    private Set<Role> rolesOf(UUID id) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        jdbc.sql("SELECT role FROM identity_account_role WHERE account_id = ?").param(id)
                .query(String.class).list().forEach(role -> roles.add(Role.valueOf(role)));
        return roles;
    }
}
