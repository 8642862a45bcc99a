package org.commonweal.identity;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.commonweal.ledger.Evidence;
import org.commonweal.ledger.Ledger;
import org.commonweal.platform.CommonwealException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Registers and looks up the organisations that take part in the platform. */
@Service
public class Organisations {

    private static final String COLUMNS =
            "id, instance, member_class, member_code, kind, name_zh, name_en, district_code";

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Ledger ledger;
    private final Clock clock;

    Organisations(JdbcClient jdbc, ApplicationEventPublisher events, Ledger ledger, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.ledger = ledger;
        this.clock = clock;
    }

    public List<Organisation> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM identity_organisation ORDER BY kind, member_class, member_code")
                .query(Organisations::map).list();
    }

    public List<Organisation> departments() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM identity_organisation WHERE kind = 'DEPARTMENT' ORDER BY member_code")
                .query(Organisations::map).list();
    }

    public Optional<Organisation> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM identity_organisation WHERE id = ?").param(id)
                .query(Organisations::map).optional();
    }

    public Optional<Organisation> find(OrganisationIdentifier identifier) {
        OrganisationIdentifier member = identifier.member();
        return jdbc.sql("SELECT " + COLUMNS + " FROM identity_organisation"
                        + " WHERE instance = ? AND member_class = ? AND member_code = ?")
                .params(member.instance(), member.memberClass(), member.memberCode())
                .query(Organisations::map).optional();
    }

    public Organisation get(UUID id) {
        return find(id).orElseThrow(() -> new CommonwealException(IdentityErrorCode.ORGANISATION_NOT_FOUND,
                "No organisation has id " + id));
    }

    @Transactional
    public Organisation register(OrganisationIdentifier identifier, OrganisationKind kind, String nameZh, String nameEn,
                                 @Nullable String districtCode, UUID actorId) {
        UUID id = UUID.randomUUID();
        OrganisationIdentifier member = identifier.member();
        try {
            jdbc.sql("INSERT INTO identity_organisation (id, instance, member_class, member_code, kind, name_zh, name_en,"
                            + " district_code, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(id, member.instance(), member.memberClass(), member.memberCode(), kind.name(),
                            nameZh, nameEn, districtCode, java.sql.Timestamp.from(clock.instant()))
                    .update();
        } catch (DuplicateKeyException e) {
            throw new CommonwealException(IdentityErrorCode.ORGANISATION_EXISTS,
                    "An organisation with identifier " + member + " already exists", member);
        }
        ledger.record(new Evidence("identity.organisation_registered", member.toString(), Actors.of(actorId, ledger),
                Map.of("kind", kind.name())));
        events.publishEvent(new OrganisationRegistered(id, member.toString(), kind, actorId, clock.instant()));
        return new Organisation(id, member, kind, nameZh, nameEn, districtCode);
    }

    @Transactional
    public Organisation rename(UUID id, String nameZh, String nameEn, @Nullable String districtCode, UUID actorId) {
        Organisation existing = get(id);
        jdbc.sql("UPDATE identity_organisation SET name_zh = ?, name_en = ?, district_code = ?, version = version + 1"
                        + " WHERE id = ?")
                .params(nameZh, nameEn, districtCode, id).update();
        ledger.record(Evidence.of("identity.organisation_renamed", existing.identifier().toString(), Actors.of(actorId, ledger)));
        events.publishEvent(new OrganisationRenamed(id, existing.identifier().toString(), actorId, clock.instant()));
        return new Organisation(id, existing.identifier(), existing.kind(), nameZh, nameEn, districtCode);
    }

    private static Organisation map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Organisation(rs.getObject("id", UUID.class),
                OrganisationIdentifier.of(rs.getString("instance"), rs.getString("member_class"), rs.getString("member_code")),
                OrganisationKind.valueOf(rs.getString("kind")),
                rs.getString("name_zh"), rs.getString("name_en"), rs.getString("district_code"));
    }
}
