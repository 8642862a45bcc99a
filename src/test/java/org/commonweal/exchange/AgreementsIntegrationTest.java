package org.commonweal.exchange;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.commonweal.catalogue.Catalogue;
import org.commonweal.catalogue.DataGrade;
import org.commonweal.catalogue.DataItem;
import org.commonweal.catalogue.DataResource;
import org.commonweal.catalogue.ResourceDraft;
import org.commonweal.catalogue.SharingType;
import org.commonweal.identity.CommonwealUser;
import org.commonweal.identity.Organisations;
import org.commonweal.platform.CommonwealException;
import org.commonweal.support.CommonwealIntegrationTest;
import org.commonweal.support.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.commonweal.exchange.ExchangeFixtures.URBAN;
import static org.commonweal.exchange.ExchangeFixtures.VEHICLES;
import static org.commonweal.exchange.ExchangeFixtures.staffOf;
import static org.commonweal.exchange.ExchangeFixtures.terms;

/** Granting sharing agreements, their rules, their life (suspend, resume, revoke, expire) and their evidence. */
@CommonwealIntegrationTest
class AgreementsIntegrationTest {

    @Autowired
    Agreements agreements;

    @Autowired
    ExchangeServices services;

    @Autowired
    Catalogue catalogue;

    @Autowired
    Organisations organisations;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    private String serviceId;
    private CommonwealUser transportStaff;

    @BeforeEach
    void registerService() {
        ExchangeFixtures.awaitDemoCatalogue(jdbc);
        transportStaff = staffOf(organisations, "TRANSPORT");
        serviceId = ExchangeFixtures.newVehicleServiceId();
        services.register(ExchangeFixtures.vehicleService(serviceId, "http://127.0.0.1:9/vehicles"), transportStaff);
    }

    @AfterEach
    void resetClock() {
        clock.set(MutableClock.START);
    }

    private int agreementCount() {
        return jdbc.sql("SELECT count(*) FROM exchange_agreement").query(Integer.class).single();
    }

    private void assertRefused(AgreementTerms terms, ExchangeErrorCode code) {
        int before = agreementCount();
        assertThatThrownBy(() -> agreements.grant(terms, "officer-1"))
                .isInstanceOfSatisfying(CommonwealException.class, e -> assertThat(e.errorCode()).isEqualTo(code));
        assertThat(agreementCount()).as("nothing half-written").isEqualTo(before);
    }

    @Nested
    class Granting {

        @Test
        void grantsAnActiveAgreementWithEvidenceThatNamesNoOneInClear() {
            Agreement agreement = agreements.grant(terms(URBAN + "/enforcement", serviceId, Set.of("plate_number", "owner_name")),
                    "officer-wang");
            assertThat(agreement.status()).isEqualTo(AgreementStatus.ACTIVE);
            assertThat(agreement.providerMember()).isEqualTo("TRANSPORT");
            assertThat(agreement.terms().dataItems()).containsExactlyInAnyOrder("plate_number", "owner_name");
            assertThat(agreements.ofConsumer("URBAN-MGMT")).extracting(Agreement::id).contains(agreement.id());
            assertThat(agreements.ofProvider("TRANSPORT")).extracting(Agreement::id).contains(agreement.id());
            assertThat(agreements.ofProvider("HOUSING")).extracting(Agreement::id).doesNotContain(agreement.id());
            List<String> evidence = ExchangeFixtures.evidence(jdbc, "exchange-agreement/" + agreement.id());
            assertThat(evidence).singleElement().satisfies(entry -> assertThat(entry)
                    .contains("\"type\":\"exchange.agreement_granted\"")
                    .contains("\"consumer\":\"CW-DEMO/GOV/URBAN-MGMT/enforcement\"")
                    .contains("\"items\":[\"owner_name\",\"plate_number\"]")
                    .doesNotContain("officer-wang"));
        }

        @Test
        void refusesItemsTheResourceDoesNotHave() {
            assertRefused(terms(URBAN, serviceId, Set.of("plate_number", "favourite_colour")),
                    ExchangeErrorCode.ITEM_NOT_IN_RESOURCE);
            assertRefused(terms(URBAN, serviceId, Set.of()), ExchangeErrorCode.TERMS_INVALID);
        }

        @Test
        void refusesAResourceNoLongerOfferedThroughTheGateway() {
            ResourceDraft draft = ResourceDraft.of("TRANSPORT", "出租车营运信息", "Taxi operations", SharingType.UNCONDITIONAL,
                    DataGrade.GENERAL, List.of(new DataItem("taxi_plate", "车牌", "Taxi plate", "string", false, false)),
                    LocalDate.of(2026, 1, 5));
            DataResource taxis = catalogue.register(draft, transportStaff);
            String taxiService = ExchangeFixtures.newVehicleServiceId();
            services.register(new ServiceRegistration(taxiService, taxis.code(), "http://127.0.0.1:9/taxis", "",
                    java.util.Map.of("$.plate", "taxi_plate")), transportStaff);
            catalogue.retire(taxis.code(), taxis.version(), transportStaff);
            AgreementTerms taxiTerms = new AgreementTerms(URBAN, taxiService, taxis.code(), "purpose", "basis",
                    Set.of("taxi_plate"), LocalDate.of(2026, 12, 31), 60, 0);
            assertRefused(taxiTerms, ExchangeErrorCode.RESOURCE_NOT_OFFERED);
        }

        @Test
        void refusesAServiceThatDeliversAnotherResource() {
            AgreementTerms mismatched = new AgreementTerms(URBAN, serviceId, "QH-TRANSPORT-0002", "purpose", "basis",
                    Set.of("route_number"), LocalDate.of(2026, 12, 31), 60, 0);
            assertRefused(mismatched, ExchangeErrorCode.TERMS_INVALID);
        }

        @Test
        void refusesUnknownConsumersAndServicesAndNonsense() {
            assertRefused(terms("CW-DEMO/GOV/NO-SUCH-DEPT", serviceId, Set.of("plate_number")), ExchangeErrorCode.CONSUMER_INVALID);
            assertRefused(terms("'; DROP TABLE exchange_agreement; --", serviceId, Set.of("plate_number")),
                    ExchangeErrorCode.CONSUMER_INVALID);
            assertRefused(terms(URBAN, "CW-DEMO/GOV/TRANSPORT/vehicles/none", Set.of("plate_number")),
                    ExchangeErrorCode.SERVICE_NOT_FOUND);
            assertRefused(terms(URBAN, "../../etc/passwd", Set.of("plate_number")), ExchangeErrorCode.SERVICE_NOT_FOUND);
            AgreementTerms base = terms(URBAN, serviceId, Set.of("plate_number"));
            assertRefused(new AgreementTerms(URBAN, serviceId, VEHICLES, " ", base.legalBasis(), base.dataItems(),
                    base.validUntil(), 60, 0), ExchangeErrorCode.TERMS_INVALID);
            assertRefused(new AgreementTerms(URBAN, serviceId, VEHICLES, base.purpose(), base.legalBasis(), base.dataItems(),
                    base.validUntil(), 0, 0), ExchangeErrorCode.TERMS_INVALID);
            assertRefused(new AgreementTerms(URBAN, serviceId, VEHICLES, base.purpose(), base.legalBasis(), base.dataItems(),
                    base.validUntil(), 60, -1), ExchangeErrorCode.TERMS_INVALID);
            assertRefused(new AgreementTerms(URBAN, serviceId, VEHICLES, base.purpose(), base.legalBasis(), base.dataItems(),
                    LocalDate.of(2026, 3, 1), 60, 0), ExchangeErrorCode.TERMS_INVALID);
        }
    }

    @Nested
    class Life {

        private Agreement agreement;

        @BeforeEach
        void grant() {
            agreement = agreements.grant(terms(URBAN, serviceId, Set.of("plate_number")), "officer-1");
        }

        @Test
        void suspendsAndResumesWithAReason() {
            Agreement suspended = agreements.suspend(agreement.id(), "数据核查中 audit under way", "officer-2");
            assertThat(suspended.status()).isEqualTo(AgreementStatus.SUSPENDED);
            assertThat(suspended.statusReason()).isEqualTo("数据核查中 audit under way");
            assertThat(agreements.resume(agreement.id(), "officer-2").status()).isEqualTo(AgreementStatus.ACTIVE);
            assertThat(ExchangeFixtures.evidenceTypes(jdbc, "exchange-agreement/" + agreement.id()))
                    .contains("exchange.agreement_granted", "exchange.agreement_suspended", "exchange.agreement_resumed");
            assertThat(ExchangeFixtures.evidence(jdbc, "exchange-agreement/" + agreement.id()))
                    .noneMatch(entry -> entry.contains("audit under way"));
        }

        @Test
        void refusesAChangeWithoutReasonOrFromTheWrongStatus() {
            assertThatThrownBy(() -> agreements.suspend(agreement.id(), "  ", "officer-2"))
                    .isInstanceOfSatisfying(CommonwealException.class,
                            e -> assertThat(e.errorCode()).isEqualTo(ExchangeErrorCode.REASON_MISSING));
            assertThatThrownBy(() -> agreements.resume(agreement.id(), "officer-2"))
                    .isInstanceOfSatisfying(CommonwealException.class,
                            e -> assertThat(e.errorCode()).isEqualTo(ExchangeErrorCode.WRONG_STATUS));
            agreements.revoke(agreement.id(), "no longer needed", "officer-2");
            assertThatThrownBy(() -> agreements.suspend(agreement.id(), "again", "officer-2"))
                    .isInstanceOfSatisfying(CommonwealException.class,
                            e -> assertThat(e.errorCode()).isEqualTo(ExchangeErrorCode.WRONG_STATUS));
            assertThat(agreements.find(agreement.id()).orElseThrow().status()).isEqualTo(AgreementStatus.REVOKED);
            assertThatThrownBy(() -> agreements.revoke(UUID.randomUUID(), "why", "officer-2"))
                    .isInstanceOfSatisfying(CommonwealException.class,
                            e -> assertThat(e.errorCode()).isEqualTo(ExchangeErrorCode.AGREEMENT_NOT_FOUND));
        }

        @Test
        void concurrentChangesNeverCorruptTheStatusOrItsEvidence() throws Exception {
            java.util.concurrent.Callable<Object> revoke = () -> attempt(() -> agreements.revoke(agreement.id(), "ended", "a"));
            java.util.concurrent.Callable<Object> suspend = () -> attempt(() -> agreements.suspend(agreement.id(), "audit", "b"));
            try (var pool = java.util.concurrent.Executors.newFixedThreadPool(4)) {
                List<Object> outcomes = new java.util.ArrayList<>();
                for (var future : pool.invokeAll(List.of(revoke, suspend, revoke, suspend))) {
                    outcomes.add(future.get());
                }
                assertThat(outcomes).filteredOn(o -> !(o instanceof Agreement)).containsOnly(ExchangeErrorCode.WRONG_STATUS);
                long changes = outcomes.stream().filter(o -> o instanceof Agreement).count();
                List<String> evidence = ExchangeFixtures.evidenceTypes(jdbc, "exchange-agreement/" + agreement.id());
                assertThat(evidence).hasSize(1 + (int) changes).containsOnlyOnce("exchange.agreement_revoked");
            }
            assertThat(agreements.find(agreement.id()).orElseThrow().status()).isEqualTo(AgreementStatus.REVOKED);
        }

        private Object attempt(java.util.function.Supplier<Agreement> change) {
            try {
                return change.get();
            } catch (CommonwealException e) {
                return e.errorCode();
            }
        }

        @Test
        void expiresOnItsOwnAfterItsLastDayInTheCitysTimeZone() {
            // 2026-12-31 23:59 in Beijing is still the last day
            clock.set(java.time.Instant.parse("2026-12-31T15:59:00Z"));
            agreements.expireOverdue();
            assertThat(agreements.find(agreement.id()).orElseThrow().status()).isEqualTo(AgreementStatus.ACTIVE);
            clock.advance(Duration.ofMinutes(2));
            assertThat(agreements.expireOverdue()).isGreaterThanOrEqualTo(1);
            Agreement expired = agreements.find(agreement.id()).orElseThrow();
            assertThat(expired.status()).isEqualTo(AgreementStatus.EXPIRED);
            assertThat(ExchangeFixtures.evidenceTypes(jdbc, "exchange-agreement/" + agreement.id()))
                    .contains("exchange.agreement_expired");
            assertThatThrownBy(() -> agreements.resume(agreement.id(), "officer"))
                    .isInstanceOf(CommonwealException.class);
        }
    }
}
