package org.commonweal.catalogue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.commonweal.identity.Accounts;
import org.commonweal.identity.CommonwealUser;
import org.commonweal.identity.Organisations;
import org.commonweal.identity.Role;
import org.springframework.jdbc.core.simple.JdbcClient;

/** People and drafts the catalogue tests share. */
final class CatalogueFixtures {

    static final List<String> DEPARTMENTS = List.of("TRANSPORT", "HOUSING", "ENVIRONMENT", "HRSS", "MARKET", "HEALTH",
            "CIVIL-AFFAIRS", "URBAN-MGMT", "DATA", "LINJIANG-GOV");

    private CatalogueFixtures() {
    }

    /** A member of staff of the department with this member code (a made-up account id: evidence names the department). */
    static CommonwealUser staffOf(Organisations organisations, String memberCode) {
        UUID department = organisations.departments().stream()
                .filter(o -> o.identifier().memberCode().equals(memberCode)).findFirst().orElseThrow().id();
        return new CommonwealUser(UUID.randomUUID(), "staff", department, Set.of(Role.STAFF), false);
    }

    static CommonwealUser platformAdmin() {
        return new CommonwealUser(UUID.randomUUID(), "admin", null, Set.of(Role.PLATFORM_ADMIN), false);
    }

    static ResourceDraft parkingDraft(String provider) {
        return ResourceDraft.of(provider, "停车场泊位信息", "Car park spaces", SharingType.UNCONDITIONAL, DataGrade.GENERAL,
                List.of(new DataItem("car_park_id", "停车场编号", "Car park ID", "string", false, false),
                        new DataItem("free_spaces", "空余泊位", "Free spaces", "integer", false, false)),
                LocalDate.of(2026, 1, 5));
    }

    /** The demo catalogue is registered after the demo city loads, in the background: wait for it. */
    static void awaitDemoCatalogue(JdbcClient jdbc) {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> jdbc
                .sql("SELECT count(*) FROM catalogue_resource WHERE code = 'QH-LINJIANG-GOV-0003'")
                .query(Integer.class).single() == 1);
    }

    static final UUID SYSTEM = Accounts.SYSTEM;
}
