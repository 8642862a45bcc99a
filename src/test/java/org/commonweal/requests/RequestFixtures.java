package org.commonweal.requests;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.commonweal.identity.CommonwealUser;
import org.commonweal.identity.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Demo-city people and ready-made requests for the requests module's tests. */
final class RequestFixtures {

    /** A point inside the Linjiang district of the demo city. */
    static final double LINJIANG_LAT = 30.2;
    static final double LINJIANG_LON = 120.1;

    private RequestFixtures() {
    }

    static CommonwealUser staff(JdbcClient jdbc, String username) {
        return jdbc.sql("SELECT id, display_name, organisation_id FROM identity_account WHERE username = ?")
                .param(username)
                .query((rs, n) -> new CommonwealUser(rs.getObject(1, UUID.class), rs.getString(2),
                        rs.getObject(3, UUID.class), Set.of(Role.STAFF), false))
                .single();
    }

    static UUID citizenId(JdbcClient jdbc, String username) {
        return jdbc.sql("SELECT id FROM identity_account WHERE username = ?").param(username).query(UUID.class).single();
    }

    static UUID department(JdbcClient jdbc, String memberCode) {
        return jdbc.sql("SELECT id FROM identity_organisation WHERE member_code = ?").param(memberCode)
                .query(UUID.class).single();
    }

    static NewRequest streetlight(String description) {
        return new NewRequest("streetlight", description, "临江路 88 号", LINJIANG_LAT, LINJIANG_LON,
                Map.of("lamp_state", List.of("off")), null, "刘洋", "liu@example.cn", null, false, "web", null, null,
                List.of());
    }

    static NewRequest withCategory(NewRequest request, String serviceCode, Map<String, List<String>> attributes) {
        return new NewRequest(serviceCode, request.description(), request.address(), request.lat(), request.lon(),
                attributes, request.citizenId(), request.contactName(), request.contactEmail(), request.contactPhone(),
                request.namePublic(), request.source(), request.clientId(), request.idempotencyKey(), request.photos());
    }

    static NewRequest byCitizen(NewRequest request, @Nullable UUID citizenId) {
        return new NewRequest(request.serviceCode(), request.description(), request.address(), request.lat(), request.lon(),
                request.attributes(), citizenId, null, null, null, false, request.source(), null, null, request.photos());
    }
}
