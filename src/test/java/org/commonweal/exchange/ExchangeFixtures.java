package org.commonweal.exchange;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.commonweal.identity.CommonwealUser;
import org.commonweal.identity.Organisations;
import org.commonweal.identity.Role;
import org.commonweal.ledger.StoredEvidence;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Services, terms and people the exchange tests share. */
final class ExchangeFixtures {

    /** Motor vehicle registrations: conditional, important, with personal items (owner name, owner ID number). */
    static final String VEHICLES = "QH-TRANSPORT-0001";
    /** Bridge and tunnel monitoring: not shared, core. */
    static final String BRIDGES = "QH-TRANSPORT-0004";
    static final String URBAN = "CW-DEMO/GOV/URBAN-MGMT";
    static final Map<String, String> VEHICLE_FIELDS = Map.of(
            "$.plate", "plate_number",
            "$.type", "vehicle_type",
            "$.owner.name", "owner_name",
            "$.owner.idNumber", "owner_id_number",
            "$.inspections[*].due", "inspection_due",
            "$.registeredOn", "registered_on");

    private ExchangeFixtures() {
    }

    static CommonwealUser staffOf(Organisations organisations, String memberCode) {
        UUID department = organisations.departments().stream()
                .filter(o -> o.identifier().memberCode().equals(memberCode)).findFirst().orElseThrow().id();
        return new CommonwealUser(UUID.randomUUID(), "staff", department, Set.of(Role.STAFF), false);
    }

    /** A fresh service identifier of the transport department's vehicle system. */
    static String newVehicleServiceId() {
        return "CW-DEMO/GOV/TRANSPORT/vehicles/lookup-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static ServiceRegistration vehicleService(String serviceId, String baseUrl) {
        return new ServiceRegistration(serviceId, VEHICLES, baseUrl, "{\"openapi\":\"3.1.0\"}", VEHICLE_FIELDS);
    }

    static AgreementTerms terms(String consumer, String serviceId, Set<String> items) {
        return new AgreementTerms(consumer, serviceId, VEHICLES, "核查违停车辆 / checking illegally parked vehicles",
                "《道路交通安全法》第九十三条", items, LocalDate.of(2026, 12, 31), 600, 0);
    }

    static void awaitDemoCatalogue(JdbcClient jdbc) {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> jdbc
                .sql("SELECT count(*) FROM catalogue_resource WHERE code = 'QH-LINJIANG-GOV-0003'")
                .query(Integer.class).single() == 1);
    }

    static List<String> evidenceTypes(JdbcClient jdbc, String subject) {
        return jdbc.sql("SELECT type FROM ledger_pending WHERE subject = ? UNION ALL SELECT type FROM ledger_entry WHERE subject = ?")
                .params(subject, subject).query(String.class).list();
    }

    static List<String> evidence(JdbcClient jdbc, String subject) {
        return StoredEvidence.about(jdbc, subject);
    }
}
