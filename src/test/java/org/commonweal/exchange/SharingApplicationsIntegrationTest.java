package org.commonweal.exchange;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.commonweal.identity.CommonwealUser;
import org.commonweal.identity.OrganisationIdentifier;
import org.commonweal.identity.Organisations;
import org.commonweal.identity.Role;
import org.commonweal.platform.CommonwealException;
import org.commonweal.support.CommonwealIntegrationTest;
import org.commonweal.support.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.commonweal.exchange.ExchangeFixtures.VEHICLES;

/** The life of a sharing application on real PostgreSQL: apply, decide, escalate, with evidence and races. */
@CommonwealIntegrationTest
class SharingApplicationsIntegrationTest {

    /** Wednesday 1 April 2026, 10:00 in Beijing: the Qingming holiday (4-6 April) is two days ahead. */
    static final Instant BEFORE_QINGMING = Instant.parse("2026-04-01T02:00:00Z");
    static final String BUS_ROUTES = "QH-TRANSPORT-0002"; // unconditional
    static final String BRIDGES = "QH-TRANSPORT-0004"; // not shared, core
    static final String CITIZEN_REGISTER = "QH-DATA-0001"; // conditional but core

    @Autowired
    SharingApplications applications;

    @Autowired
    ExchangeServices services;

    @Autowired
    Agreements agreements;

    @Autowired
    Organisations organisations;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    CommonwealUser transport;
    CommonwealUser housing;
    String vehicleService;

    @BeforeEach
    void setUp() {
        ExchangeFixtures.awaitDemoCatalogue(jdbc);
        clock.set(BEFORE_QINGMING);
        transport = ExchangeFixtures.staffOf(organisations, "TRANSPORT");
        housing = ExchangeFixtures.staffOf(organisations, "HOUSING");
        vehicleService = ExchangeFixtures.newVehicleServiceId();
        services.register(ExchangeFixtures.vehicleService(vehicleService, "http://127.0.0.1:9/vehicles"), transport);
    }

    static NewApplication vehicles(Set<String> items) {
        return new NewApplication(UUID.randomUUID().toString(), VEHICLES, null, "核查住房保障申请人车辆 / checking applicants' vehicles",
                "《公共租赁住房管理办法》第七条", items, LocalDate.of(2026, 12, 31), 60, 0, "");
    }

    private CommonwealUser authority() {
        UUID data = organisations.find(OrganisationIdentifier.of("CW-DEMO", "GOV", "DATA")).orElseThrow().id();
        return new CommonwealUser(UUID.randomUUID(), "authority", data, Set.of(Role.DATA_AUTHORITY), false);
    }

    private int applicationsWithKey(String key) {
        return jdbc.sql("SELECT count(*) FROM exchange_application WHERE submission_key = ?").param(key).query(Integer.class).single();
    }

    @Nested
    class Applying {

        @Test
        void aConditionalResourceWaitsForTheProviderWithAWorkingDayDeadlineThatSkipsTheHoliday() {
            SharingApplication application = applications.apply(vehicles(Set.of("plate_number", "owner_name")), housing);

            assertThat(application.status()).isEqualTo(ApplicationStatus.PENDING);
            assertThat(application.consumer()).isEqualTo("CW-DEMO/GOV/HOUSING");
            assertThat(application.providerMember()).isEqualTo("TRANSPORT");
            // 10 working days from Wed 1 April: 2, 3, (4-6 Qingming), 7, 8, 9, 10, 13, 14, 15, 16 → end of Thu 16 April
            assertThat(application.dueAt()).isEqualTo(Instant.parse("2026-04-16T16:00:00Z"));
            assertThat(application.agreementId()).isNull();
            assertThat(ExchangeFixtures.evidenceTypes(jdbc, "exchange-application/" + application.id()))
                    .containsExactly("exchange.application_submitted");
            String evidence = ExchangeFixtures.evidence(jdbc, "exchange-application/" + application.id()).getFirst();
            assertThat(evidence).contains("\"purpose_digest\":\"sha256:").doesNotContain("核查住房保障");
        }

        @Test
        void anUnconditionalResourceIsGrantedAtOnce() {
            String busService = "CW-DEMO/GOV/TRANSPORT/transit/routes-" + UUID.randomUUID().toString().substring(0, 8);
            services.register(new ServiceRegistration(busService, BUS_ROUTES, "http://127.0.0.1:9/routes", "",
                    java.util.Map.of("$.route", "route_number", "$.name", "route_name")), transport);
            NewApplication asked = new NewApplication(UUID.randomUUID().toString(), BUS_ROUTES, busService, "公交线路查询",
                    "《政务信息资源共享管理暂行办法》", Set.of("route_number", "route_name"), LocalDate.of(2026, 6, 30), 60, 0, "");

            SharingApplication application = applications.apply(asked, housing);

            assertThat(application.status()).isEqualTo(ApplicationStatus.APPROVED);
            Agreement agreement = agreements.find(application.agreementId()).orElseThrow();
            assertThat(agreement.status()).isEqualTo(AgreementStatus.ACTIVE);
            assertThat(agreement.terms().dataItems()).containsExactlyInAnyOrder("route_number", "route_name");
            assertThat(agreement.terms().consumer()).isEqualTo("CW-DEMO/GOV/HOUSING");
            assertThat(ExchangeFixtures.evidenceTypes(jdbc, "exchange-application/" + application.id()))
                    .containsExactlyInAnyOrder("exchange.application_submitted", "exchange.application_granted_unconditionally");
        }

        @Test
        void notSharedAndCoreResourcesCannotBeAppliedForAndNothingIsStored() {
            for (String resource : List.of(BRIDGES, CITIZEN_REGISTER)) {
                NewApplication asked = new NewApplication(UUID.randomUUID().toString(), resource, null, "用途", "依据",
                        Set.of("structure_id"), LocalDate.of(2026, 12, 31), 60, 0, "");
                assertThatThrownBy(() -> applications.apply(asked, housing))
                        .isInstanceOfSatisfying(CommonwealException.class, e ->
                                assertThat(e.errorCode()).isEqualTo(ApplicationErrorCode.RESOURCE_NOT_APPLICABLE));
                assertThat(applicationsWithKey(asked.submissionKey())).isZero();
            }
        }

        @Test
        void badApplicationsAreRefusedWithAReason() {
            List<NewApplication> bad = List.of(
                    vehicles(Set.of()),
                    vehicles(Set.of("plate_number", "'; DROP TABLE exchange_application; --")),
                    new NewApplication(UUID.randomUUID().toString(), VEHICLES, null, " ", "依据", Set.of("plate_number"),
                            LocalDate.of(2026, 12, 31), 60, 0, ""),
                    new NewApplication(UUID.randomUUID().toString(), VEHICLES, null, "用途", "依据", Set.of("plate_number"),
                            LocalDate.of(2026, 3, 1), 60, 0, ""),
                    new NewApplication(UUID.randomUUID().toString(), VEHICLES, null, "用途", "依据", Set.of("plate_number"),
                            LocalDate.of(2026, 12, 31), 0, 0, ""),
                    new NewApplication(UUID.randomUUID().toString(), VEHICLES, null, "用途", "依据", Set.of("plate_number"),
                            LocalDate.of(2026, 12, 31), 60, 30, " "),
                    new NewApplication(UUID.randomUUID().toString(), VEHICLES, null, "x".repeat(1001), "依据",
                            Set.of("plate_number"), LocalDate.of(2026, 12, 31), 60, 0, ""),
                    new NewApplication("", VEHICLES, null, "用途", "依据", Set.of("plate_number"), LocalDate.of(2026, 12, 31), 60, 0, ""));
            for (NewApplication application : bad) {
                assertThatThrownBy(() -> applications.apply(application, housing))
                        .isInstanceOfSatisfying(CommonwealException.class, e ->
                                assertThat(e.errorCode()).isEqualTo(ApplicationErrorCode.APPLICATION_INVALID));
            }
            assertThat(jdbc.sql("SELECT count(*) FROM exchange_application WHERE submission_key = ''").query(Integer.class).single()).isZero();
        }

        @Test
        void aDelayOfNoticeCarriesItsLegalBasisToTheProvider() {
            NewApplication asked = new NewApplication(UUID.randomUUID().toString(), VEHICLES, null, "违法线索调查",
                    "《行政处罚法》第五十四条", Set.of("plate_number"), LocalDate.of(2026, 12, 31), 60, 30, "《监察法》第十八条：调查期间不告知");
            SharingApplication application = applications.apply(asked, housing);
            assertThat(application.trackerDelayDays()).isEqualTo(30);
            assertThat(application.delayBasis()).contains("监察法");
        }

        @Test
        void citizensAndAuditorsCannotApply() {
            CommonwealUser auditor = new CommonwealUser(UUID.randomUUID(), "auditor", null, Set.of(Role.AUDITOR), false);
            assertThatThrownBy(() -> applications.apply(vehicles(Set.of("plate_number")), auditor))
                    .isInstanceOfSatisfying(CommonwealException.class, e ->
                            assertThat(e.errorCode()).isEqualTo(ApplicationErrorCode.NOT_A_DEPARTMENT));
        }

        @Test
        void theSameFormSubmittedTwiceIsOneApplication() throws Exception {
            NewApplication asked = vehicles(Set.of("plate_number"));
            SharingApplication first = applications.apply(asked, housing);
            SharingApplication second = applications.apply(asked, housing);
            assertThat(second.id()).isEqualTo(first.id());

            NewApplication clicked = vehicles(Set.of("plate_number"));
            List<SharingApplication> filed = race(8, () -> applications.apply(clicked, housing));
            assertThat(filed).extracting(SharingApplication::id).containsOnly(filed.getFirst().id());
            assertThat(applicationsWithKey(clicked.submissionKey())).isEqualTo(1);
        }
    }

    @Nested
    class Deciding {

        @Test
        void anApprovalBecomesAnAgreementWithTheItemsAndPeriodAppliedFor() {
            SharingApplication application = applications.apply(vehicles(Set.of("plate_number", "owner_name")), housing);

            SharingApplication decided = applications.decide(application.id(), new ApplicationDecision(
                    ApplicationDecision.Outcome.APPROVE, application.version(), vehicleService, Set.of(), null, ""), transport);

            assertThat(decided.status()).isEqualTo(ApplicationStatus.APPROVED);
            assertThat(decided.narrowed()).isFalse();
            Agreement agreement = agreements.find(decided.agreementId()).orElseThrow();
            assertThat(agreement.terms().serviceId()).isEqualTo(vehicleService);
            assertThat(agreement.terms().dataItems()).containsExactlyInAnyOrder("plate_number", "owner_name");
            assertThat(agreement.terms().validUntil()).isEqualTo(LocalDate.of(2026, 12, 31));
            assertThat(ExchangeFixtures.evidenceTypes(jdbc, "exchange-application/" + application.id()))
                    .containsExactlyInAnyOrder("exchange.application_submitted", "exchange.application_approved");
            assertThat(ExchangeFixtures.evidenceTypes(jdbc, "exchange-agreement/" + agreement.id())).contains("exchange.agreement_granted");
        }

        @Test
        void aNarrowingApprovesFewerItemsForAShorterPeriod() {
            SharingApplication application = applications.apply(vehicles(Set.of("plate_number", "owner_name", "owner_id_number")), housing);

            SharingApplication decided = applications.decide(application.id(), new ApplicationDecision(
                    ApplicationDecision.Outcome.NARROW, application.version(), vehicleService, Set.of("plate_number"),
                    LocalDate.of(2026, 6, 30), "身份证号不在必要范围内"), transport);

            assertThat(decided.narrowed()).isTrue();
            assertThat(decided.approvedItems()).containsExactly("plate_number");
            Agreement agreement = agreements.find(decided.agreementId()).orElseThrow();
            assertThat(agreement.terms().dataItems()).containsExactly("plate_number");
            assertThat(agreement.terms().validUntil()).isEqualTo(LocalDate.of(2026, 6, 30));
            assertThat(ExchangeFixtures.evidenceTypes(jdbc, "exchange-application/" + application.id()))
                    .contains("exchange.application_narrowed");
        }

        @Test
        void aNarrowingCannotAddItemsOrLengthenThePeriod() {
            SharingApplication application = applications.apply(vehicles(Set.of("plate_number")), housing);
            for (ApplicationDecision widening : List.of(
                    new ApplicationDecision(ApplicationDecision.Outcome.NARROW, application.version(), vehicleService,
                            Set.of("plate_number", "owner_id_number"), null, ""),
                    new ApplicationDecision(ApplicationDecision.Outcome.NARROW, application.version(), vehicleService,
                            Set.of("plate_number"), LocalDate.of(2027, 6, 30), ""),
                    new ApplicationDecision(ApplicationDecision.Outcome.NARROW, application.version(), vehicleService,
                            Set.of(), null, ""))) {
                assertThatThrownBy(() -> applications.decide(application.id(), widening, transport))
                        .isInstanceOfSatisfying(CommonwealException.class, e ->
                                assertThat(e.errorCode()).isEqualTo(ApplicationErrorCode.NARROWING_INVALID));
            }
            assertThat(applications.get(application.id()).pending()).isTrue();
        }

        @Test
        void aRefusalNeedsAReasonAndIsListedWithIt() {
            SharingApplication application = applications.apply(vehicles(Set.of("owner_id_number")), housing);
            assertThatThrownBy(() -> applications.decide(application.id(), new ApplicationDecision(
                    ApplicationDecision.Outcome.REFUSE, application.version(), null, Set.of(), null, "  "), transport))
                    .isInstanceOfSatisfying(CommonwealException.class, e ->
                            assertThat(e.errorCode()).isEqualTo(ApplicationErrorCode.REFUSAL_REASON_MISSING));

            SharingApplication refused = applications.decide(application.id(), new ApplicationDecision(
                    ApplicationDecision.Outcome.REFUSE, application.version(), null, Set.of(), null,
                    "用途不需要身份证号 <script>"), transport);

            assertThat(refused.status()).isEqualTo(ApplicationStatus.REFUSED);
            assertThat(refused.agreementId()).isNull();
            assertThat(applications.refusals(null)).extracting(SharingApplication::id).contains(application.id());
            assertThat(applications.refusals("HOUSING")).extracting(SharingApplication::decisionReason)
                    .contains("用途不需要身份证号 <script>");
            assertThat(applications.refusals("ENVIRONMENT")).extracting(SharingApplication::id).doesNotContain(application.id());
            assertThat(ExchangeFixtures.evidence(jdbc, "exchange-application/" + application.id()))
                    .anySatisfy(entry -> assertThat(entry).contains("exchange.application_refused", "reason_digest")
                            .doesNotContain("身份证号"));
        }

        @Test
        void onlyTheProvidingDepartmentDecides() {
            SharingApplication application = applications.apply(vehicles(Set.of("plate_number")), housing);
            CommonwealUser environment = ExchangeFixtures.staffOf(organisations, "ENVIRONMENT");
            CommonwealUser auditor = new CommonwealUser(UUID.randomUUID(), "auditor", null, Set.of(Role.AUDITOR), false);
            for (CommonwealUser outsider : List.of(housing, environment, auditor, authority())) {
                assertThatThrownBy(() -> applications.decide(application.id(), new ApplicationDecision(
                        ApplicationDecision.Outcome.APPROVE, application.version(), vehicleService, Set.of(), null, ""), outsider))
                        .isInstanceOfSatisfying(CommonwealException.class, e ->
                                assertThat(e.errorCode()).isEqualTo(ApplicationErrorCode.NOT_YOURS_TO_DECIDE));
            }
            assertThat(applications.maySee(application, auditor)).isTrue();
            assertThat(applications.maySee(application, environment)).isFalse();
        }

        @Test
        void aDecisionOnAnOldVersionIsRefusedAndSoIsASecondDecision() {
            SharingApplication application = applications.apply(vehicles(Set.of("plate_number")), housing);
            assertThatThrownBy(() -> applications.decide(application.id(), new ApplicationDecision(
                    ApplicationDecision.Outcome.APPROVE, application.version() + 7, vehicleService, Set.of(), null, ""), transport))
                    .isInstanceOfSatisfying(CommonwealException.class, e ->
                            assertThat(e.errorCode()).isEqualTo(ApplicationErrorCode.STALE_VERSION));
            SharingApplication approved = applications.decide(application.id(), new ApplicationDecision(
                    ApplicationDecision.Outcome.APPROVE, application.version(), vehicleService, Set.of(), null, ""), transport);
            assertThatThrownBy(() -> applications.decide(application.id(), new ApplicationDecision(
                    ApplicationDecision.Outcome.REFUSE, application.version(), null, Set.of(), null, "不行"), transport))
                    .isInstanceOfSatisfying(CommonwealException.class, e ->
                            assertThat(e.errorCode()).isEqualTo(ApplicationErrorCode.STALE_VERSION));
            assertThatThrownBy(() -> applications.decide(application.id(), new ApplicationDecision(
                    ApplicationDecision.Outcome.REFUSE, approved.version(), null, Set.of(), null, "不行"), transport))
                    .isInstanceOfSatisfying(CommonwealException.class, e ->
                            assertThat(e.errorCode()).isEqualTo(ApplicationErrorCode.ALREADY_DECIDED));
        }

        @Test
        void twoApproversAtOnceMakeOneAgreement() throws Exception {
            SharingApplication application = applications.apply(vehicles(Set.of("plate_number")), housing);
            CommonwealUser colleague = ExchangeFixtures.staffOf(organisations, "TRANSPORT");

            List<Object> outcomes = raceOutcomes(List.of(
                    () -> applications.decide(application.id(), new ApplicationDecision(ApplicationDecision.Outcome.APPROVE,
                            application.version(), vehicleService, Set.of(), null, ""), transport),
                    () -> applications.decide(application.id(), new ApplicationDecision(ApplicationDecision.Outcome.NARROW,
                            application.version(), vehicleService, Set.of("plate_number"), LocalDate.of(2026, 5, 31), ""), colleague)));

            assertThat(outcomes).filteredOn(SharingApplication.class::isInstance).hasSize(1);
            assertThat(outcomes).filteredOn(CommonwealException.class::isInstance).singleElement()
                    .satisfies(e -> assertThat(((CommonwealException) e).errorCode())
                            .isIn(ApplicationErrorCode.STALE_VERSION, ApplicationErrorCode.ALREADY_DECIDED));
            assertThat(agreements.between("HOUSING", vehicleService)).hasSize(1);
            assertThat(jdbc.sql("SELECT count(*) FROM exchange_agreement WHERE service_id = ?").param(vehicleService)
                    .query(Integer.class).single()).isEqualTo(1);
        }

        @Test
        void anApprovalWithoutAnyServiceIsRefusedClearly() {
            NewApplication asked = new NewApplication(UUID.randomUUID().toString(), "QH-HRSS-0002", null, "低保复核",
                    "《社会救助暂行办法》", Set.of("person_name"), LocalDate.of(2026, 12, 31), 60, 0, "");
            SharingApplication application = applications.apply(asked, housing);
            CommonwealUser hrss = ExchangeFixtures.staffOf(organisations, "HRSS");
            assertThatThrownBy(() -> applications.decide(application.id(), new ApplicationDecision(
                    ApplicationDecision.Outcome.APPROVE, application.version(), null, Set.of(), null, ""), hrss))
                    .isInstanceOfSatisfying(CommonwealException.class, e ->
                            assertThat(e.errorCode()).isEqualTo(ApplicationErrorCode.NO_SERVICE));
            assertThat(applications.get(application.id()).pending()).isTrue();
        }
    }

    @Nested
    class Escalating {

        @Test
        void anOverdueApplicationGoesToTheDataAuthorityWhoMayThenDecideIt() {
            SharingApplication application = applications.apply(vehicles(Set.of("plate_number")), housing);
            CommonwealUser authority = authority();
            assertThat(applications.mayDecide(application, authority)).isFalse();

            clock.set(Instant.parse("2026-04-16T15:59:00Z")); // one minute before the end of the 10th working day
            applications.escalateOverdue();
            assertThat(applications.get(application.id()).escalatedAt()).isNull();
            assertThat(applications.clockOf(applications.get(application.id()))).isEqualTo(SharingApplication.Clock.DUE_SOON);

            clock.set(Instant.parse("2026-04-16T16:00:00Z"));
            applications.escalateOverdue();
            SharingApplication escalated = applications.get(application.id());
            assertThat(escalated.escalatedAt()).isEqualTo(Instant.parse("2026-04-16T16:00:00Z"));
            assertThat(applications.clockOf(escalated)).isEqualTo(SharingApplication.Clock.OVERDUE);
            assertThat(applications.overdue()).extracting(SharingApplication::id).contains(application.id());
            assertThat(ExchangeFixtures.evidenceTypes(jdbc, "exchange-application/" + application.id()))
                    .contains("exchange.application_escalated");
            int again = applications.escalateOverdue();
            assertThat(ExchangeFixtures.evidenceTypes(jdbc, "exchange-application/" + application.id()))
                    .filteredOn("exchange.application_escalated"::equals).hasSize(1);

            SharingApplication refused = applications.decide(application.id(), new ApplicationDecision(
                    ApplicationDecision.Outcome.REFUSE, escalated.version(), null, Set.of(), null, "超期未审，用途不明确"), authority);
            assertThat(refused.status()).isEqualTo(ApplicationStatus.REFUSED);
            assertThat(ExchangeFixtures.evidence(jdbc, "exchange-application/" + application.id()))
                    .anySatisfy(entry -> assertThat(entry).contains("exchange.application_refused", "\"by_data_authority\":true"));
            assertThat(again).isGreaterThanOrEqualTo(0);
        }
    }

    private static <T> List<T> race(int threads, Callable<T> task) throws Exception {
        List<Object> outcomes = raceOutcomes(java.util.Collections.nCopies(threads, task));
        List<T> results = new ArrayList<>();
        for (Object outcome : outcomes) {
            if (outcome instanceof Throwable t) {
                throw new AssertionError(t);
            }
            @SuppressWarnings("unchecked") T result = (T) outcome;
            results.add(result);
        }
        return results;
    }

    /** Runs the tasks at the same moment; each outcome is the result or the exception. */
    private static List<Object> raceOutcomes(List<? extends Callable<?>> tasks) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newFixedThreadPool(tasks.size())) {
            List<Future<Object>> futures = new ArrayList<>();
            for (Callable<?> task : tasks) {
                futures.add(pool.submit(() -> {
                    start.await();
                    try {
                        return task.call();
                    } catch (CommonwealException e) {
                        return e;
                    }
                }));
            }
            start.countDown();
            List<Object> outcomes = new ArrayList<>();
            for (Future<Object> future : futures) {
                outcomes.add(future.get(Duration.ofSeconds(30).toSeconds(), java.util.concurrent.TimeUnit.SECONDS));
            }
            return outcomes;
        }
    }
}
