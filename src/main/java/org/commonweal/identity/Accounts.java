package org.commonweal.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.commonweal.ledger.Evidence;
import org.commonweal.ledger.Ledger;
import org.commonweal.platform.CommonwealException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates accounts and changes their roles, department and password. */
@Service
public class Accounts {

    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;
    private final Organisations organisations;
    private final ApplicationEventPublisher events;
    private final Ledger ledger;
    private final Clock clock;

    Accounts(JdbcClient jdbc, PasswordEncoder passwords, Organisations organisations,
             ApplicationEventPublisher events, Ledger ledger, Clock clock) {
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.organisations = organisations;
        this.events = events;
        this.ledger = ledger;
        this.clock = clock;
    }

    /** An account with the version its editor saw, for optimistic locking in forms. */
    public record Versioned(Account account, int version) {
    }

    public List<Account> all() {
        return load("TRUE");
    }

    public List<Account> inDepartment(UUID organisationId) {
        return load("organisation_id = ?", organisationId);
    }

    public Optional<Versioned> find(UUID id) {
        return loadVersioned("id = ?", id).stream().findFirst();
    }

    public Optional<Account> findByUsername(String username) {
        return load("lower(username) = lower(?)", username).stream().findFirst();
    }

    public Versioned get(UUID id) {
        return find(id).orElseThrow(() -> new CommonwealException(IdentityErrorCode.ACCOUNT_NOT_FOUND,
                "No account has id " + id));
    }

    @Transactional
    public Account create(String username, String displayName, String password, @Nullable UUID organisationId,
                          Set<Role> roles, UUID actorId) {
        Organisation organisation = checkDepartment(roles, organisationId);
        UUID id = UUID.randomUUID();
        try {
            jdbc.sql("INSERT INTO identity_account (id, username, display_name, password_hash, organisation_id, created_at)"
                            + " VALUES (?, ?, ?, ?, ?, ?)")
                    .params(id, username, displayName, passwords.encode(password), organisationId,
                            Timestamp.from(clock.instant()))
                    .update();
        } catch (DuplicateKeyException e) {
            throw new CommonwealException(IdentityErrorCode.USERNAME_TAKEN, "The username " + username + " is taken");
        }
        writeRoles(id, roles);
        UUID actor = actorId.equals(SYSTEM) ? id : actorId;
        recordRoleChange(id, Set.of(), roles, organisation, actor);
        events.publishEvent(new AccountRolesChanged(id, Set.of(), roles, organisationId, actor, clock.instant()));
        return new Account(id, username, displayName, organisationId, roles, true);
    }

    /**
     * Changes roles, department and whether the account may sign in. Refuses when someone else
     * changed the account since {@code expectedVersion} was read, so two administrators never
     * silently overwrite each other.
     */
    @Transactional
    public Account changeAccess(UUID id, int expectedVersion, Set<Role> roles, @Nullable UUID organisationId,
                                boolean enabled, UUID actorId) {
        // role changes are serialised, so two administrators demoting each other at once cannot leave none
        jdbc.sql("SELECT pg_advisory_xact_lock(?)").param(ROLE_CHANGES_LOCK).query().singleValue();
        Account before = get(id).account();
        Organisation organisation = checkDepartment(roles, organisationId);
        boolean losesAdmin = before.has(Role.PLATFORM_ADMIN) && (!roles.contains(Role.PLATFORM_ADMIN) || !enabled);
        if (losesAdmin && countEnabledPlatformAdmins() <= 1) {
            throw new CommonwealException(IdentityErrorCode.LAST_PLATFORM_ADMIN,
                    "This is the last platform administrator; appoint another one first");
        }
        int updated = jdbc.sql("UPDATE identity_account SET organisation_id = ?, enabled = ?, version = version + 1"
                        + " WHERE id = ? AND version = ?")
                .params(organisationId, enabled, id, expectedVersion).update();
        if (updated == 0) {
            throw new CommonwealException(IdentityErrorCode.STALE_UPDATE,
                    "Someone else changed this account meanwhile; reload it and try again");
        }
        jdbc.sql("DELETE FROM identity_account_role WHERE account_id = ?").param(id).update();
        writeRoles(id, roles);
        recordRoleChange(id, before.roles(), roles, organisation, actorId);
        events.publishEvent(new AccountRolesChanged(id, before.roles(), roles, organisationId, actorId, clock.instant()));
        return new Account(id, before.username(), before.displayName(), organisationId, roles, enabled);
    }

    @Transactional
    public void changePassword(UUID id, String newPassword) {
        jdbc.sql("UPDATE identity_account SET password_hash = ?, failed_logins = 0, locked_until = NULL,"
                        + " version = version + 1 WHERE id = ?")
                .params(passwords.encode(newPassword), id).update();
    }

    public boolean passwordMatches(UUID id, String password) {
        return jdbc.sql("SELECT password_hash FROM identity_account WHERE id = ?").param(id).query(String.class)
                .optional().map(hash -> passwords.matches(password, hash)).orElse(false);
    }

    public boolean anyPlatformAdmin() {
        return countEnabledPlatformAdmins() > 0;
    }

    private static final long ROLE_CHANGES_LOCK = 0x524F4C45L; // "ROLE"

    /** The actor id used for what the platform does on its own (first start, demo data). */
    public static final UUID SYSTEM = new UUID(0, 0);

    private int countEnabledPlatformAdmins() {
        return jdbc.sql("SELECT count(*) FROM identity_account a JOIN identity_account_role r ON r.account_id = a.id"
                + " WHERE r.role = 'PLATFORM_ADMIN' AND a.enabled").query(Integer.class).single();
    }

    /** Refuses roles that need a department without one; returns the organisation, if any, for the evidence. */
    private @Nullable Organisation checkDepartment(Set<Role> roles, @Nullable UUID organisationId) {
        boolean needsDepartment = roles.stream().anyMatch(Role::needsDepartment);
        if (organisationId == null) {
            if (needsDepartment) {
                throw new CommonwealException(IdentityErrorCode.DEPARTMENT_REQUIRED,
                        "Staff and department administrators must belong to a department");
            }
            return null;
        }
        Organisation organisation = organisations.get(organisationId);
        if (needsDepartment && organisation.kind() != OrganisationKind.DEPARTMENT) {
            throw new CommonwealException(IdentityErrorCode.NOT_A_DEPARTMENT,
                    organisation.identifier() + " is not a government department");
        }
        return organisation;
    }

    /** Public evidence of who may do what: the account only as a pseudonym, the organisation by its identifier. */
    private void recordRoleChange(UUID accountId, Set<Role> before, Set<Role> after, @Nullable Organisation organisation,
                                  UUID actorId) {
        Map<String, Object> details = new java.util.HashMap<>();
        details.put("before", before.stream().map(Role::name).sorted().toList());
        details.put("after", after.stream().map(Role::name).sorted().toList());
        if (organisation != null) {
            details.put("organisation", organisation.identifier().toString());
        }
        ledger.record(new Evidence("identity.roles_changed", Actors.pseudonym(accountId, ledger),
                Actors.of(actorId, ledger), details));
    }

    private void writeRoles(UUID id, Set<Role> roles) {
        for (Role role : roles) {
            jdbc.sql("INSERT INTO identity_account_role (account_id, role) VALUES (?, ?)").params(id, role.name()).update();
        }
    }

    private List<Account> load(String condition, Object... params) {
        return loadVersioned(condition, params).stream().map(Versioned::account).toList();
    }

    private List<Versioned> loadVersioned(String condition, Object... params) {
        Map<UUID, Set<Role>> roles = new HashMap<>();
        Map<UUID, Row> rows = new LinkedHashMap<>();
        jdbc.sql("SELECT id, username, display_name, organisation_id, enabled, version FROM identity_account WHERE "
                        + condition + " ORDER BY lower(username)")
                .params(params).query(Accounts::row).list().forEach(row -> rows.put(row.id(), row));
        if (rows.isEmpty()) {
            return List.of();
        }
        jdbc.sql("SELECT account_id, role FROM identity_account_role WHERE account_id = ANY(?)")
                .param(rows.keySet().toArray(UUID[]::new))
                .query((rs, n) -> roles.computeIfAbsent(rs.getObject(1, UUID.class), k -> EnumSet.noneOf(Role.class))
                        .add(Role.valueOf(rs.getString(2))))
                .list();
        return rows.values().stream().map(row -> new Versioned(new Account(row.id(), row.username(), row.displayName(),
                row.organisationId(), roles.getOrDefault(row.id(), Set.of()), row.enabled()), row.version())).toList();
    }

    private record Row(UUID id, String username, String displayName, @Nullable UUID organisationId,
                       boolean enabled, int version) {
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getObject("id", UUID.class), rs.getString("username"), rs.getString("display_name"),
                rs.getObject("organisation_id", UUID.class), rs.getBoolean("enabled"), rs.getInt("version"));
    }
}
