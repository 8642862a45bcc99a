package org.commonweal.opendata.access;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.commonweal.identity.Accounts;
import org.commonweal.identity.CommonwealUser;
import org.commonweal.opendata.Datasets;
import org.commonweal.support.CommonwealIntegrationTest;
import org.commonweal.support.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Applications for conditional data, decisions and access keys, on real PostgreSQL. */
@CommonwealIntegrationTest
class ConditionalAccessIntegrationTest {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    @Autowired
    ConditionalAccess access;

    @Autowired
    Datasets datasets;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    Participants people;
    UUID busApi;
    UUID streetLights;

    @BeforeEach
    void setUp() {
        clock.set(MutableClock.START);
        people = new Participants(accounts, jdbc).waitForDemo();
        busApi = datasets.findByName("qinghe-realtime-bus-api").orElseThrow().id();
        streetLights = datasets.findByName("qinghe-street-lights").orElseThrow().id();
        // each test starts without pending applications of its own applicants
        String mine = "SELECT id FROM opendata_access_application WHERE applicant_id = ? OR applicant_id = ? AND dataset_id = ?";
        jdbc.sql("DELETE FROM opendata_access_key WHERE application_id IN (" + mine + ")")
                .params(id("citizen.liu"), id("member.volunteers"), busApi).update();
        jdbc.sql("DELETE FROM opendata_access_application WHERE id IN (" + mine + ")")
                .params(id("citizen.liu"), id("member.volunteers"), busApi).update();
    }

    private UUID id(String username) {
        return accounts.findByUsername(username).orElseThrow().id();
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), BEIJING);
    }

    private NewApplication form(int startInDays, int days) {
        return new NewApplication("清河大学交通学院", "研究公交准点率与客流的关系。", "只在校内服务器分析，发表统计结果。",
                today().plusDays(startInDays).toString(), today().plusDays(startInDays + days).toString());
    }

    @Nested
    class Applying {

        @Test
        void aResearcherAppliesWithTheDepartmentsDeadlineInWorkingDays() {
            Application application = access.apply(busApi, form(0, 90), people.user("citizen.liu"));

            assertThat(application.state()).isEqualTo(Application.State.PENDING);
            assertThat(application.applicantKind()).isEqualTo(Application.ApplicantKind.RESEARCHER);
            assertThat(application.affiliation()).isEqualTo("清河大学交通学院");
            // Monday 2 March 2026 + 10 working days = Monday 16 March; the deadline is the end of that day
            assertThat(application.dueAt()).isEqualTo(LocalDate.of(2026, 3, 17).atStartOfDay(BEIJING).toInstant());
            assertThat(access.allows(busApi, people.user("citizen.liu"))).isFalse();
        }

        @Test
        void anOrganisationMemberAppliesForTheirOrganisation() {
            Application application = access.apply(busApi, new NewApplication("ignored", "社区志愿者出行服务规划。",
                    "内部使用。", today().toString(), today().plusDays(30).toString()), people.user("member.volunteers"));

            assertThat(application.applicantKind()).isEqualTo(Application.ApplicantKind.SOCIAL_ORGANISATION);
            assertThat(application.affiliation()).isEqualTo("清河市志愿者协会");
            assertThat(application.organisationId()).isNotNull();
        }

        @Test
        void aSecondSubmissionFindsTheFirst() {
            Application first = access.apply(busApi, form(0, 30), people.user("citizen.liu"));
            Application second = access.apply(busApi, form(1, 60), people.user("citizen.liu"));

            assertThat(second.id()).isEqualTo(first.id());
        }

        @Test
        void simultaneousSubmissionsMakeOneApplication() throws Exception {
            List<Callable<UUID>> tasks = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                tasks.add(() -> access.apply(busApi, form(0, 30), people.user("citizen.liu")).id());
            }
            try (ExecutorService pool = Executors.newFixedThreadPool(6)) {
                List<UUID> ids = new ArrayList<>();
                for (Future<UUID> f : pool.invokeAll(tasks)) {
                    ids.add(f.get());
                }
                assertThat(ids).containsOnly(ids.getFirst());
            }
            assertThat(jdbc.sql("SELECT count(*) FROM opendata_access_application WHERE applicant_id = ?")
                    .param(id("citizen.liu")).query(Integer.class).single()).isEqualTo(1);
        }

        @Test
        void refusesWhatCannotBeAppliedFor() {
            UUID open = datasets.findByName("qinghe-bus-stops").orElseThrow().id();
            assertThatThrownBy(() -> access.apply(open, form(0, 30), people.user("citizen.liu")))
                    .extracting(e -> ((ParticipationRefused) e).code()).isEqualTo(ParticipationErrorCode.NOT_CONDITIONAL);
            UUID notOpen = datasets.findByName("qinghe-taxi-trips").orElseThrow().id();
            assertThatThrownBy(() -> access.apply(notOpen, form(0, 30), people.user("citizen.liu")))
                    .extracting(e -> ((ParticipationRefused) e).code()).isEqualTo(ParticipationErrorCode.DATASET_NOT_FOUND);
            assertThatThrownBy(() -> access.apply(busApi, form(0, 30), people.user("staff.housing")))
                    .extracting(e -> ((ParticipationRefused) e).code()).isEqualTo(ParticipationErrorCode.NOT_ELIGIBLE);
        }

        @Test
        void refusesBadFormsWithTheFieldAtFault() {
            CommonwealUser liu = people.user("citizen.liu");
            assertRefused(() -> access.apply(busApi, new NewApplication("", "p", "u", today().toString(),
                    today().plusDays(3).toString()), liu), ParticipationErrorCode.FIELD_MISSING, "affiliation");
            assertRefused(() -> access.apply(busApi, new NewApplication("大学", "<script>alert(1)</script>", "u",
                    today().toString(), today().plusDays(3).toString()), liu), ParticipationErrorCode.MARKUP_NOT_ALLOWED, "purpose");
            assertRefused(() -> access.apply(busApi, new NewApplication("大学", "p".repeat(2001), "u",
                    today().toString(), today().plusDays(3).toString()), liu), ParticipationErrorCode.FIELD_TOO_LONG, "purpose");
            assertRefused(() -> access.apply(busApi, new NewApplication("大学", "p", "u", "2026-13-45",
                    today().plusDays(3).toString()), liu), ParticipationErrorCode.FIELD_INVALID, "periodStart");
            assertRefused(() -> access.apply(busApi, form(-1, 30), liu), ParticipationErrorCode.PERIOD_INVALID, "periodStart");
            assertRefused(() -> access.apply(busApi, form(0, -1), liu), ParticipationErrorCode.PERIOD_INVALID, "periodEnd");
            assertRefused(() -> access.apply(busApi, form(0, 400), liu), ParticipationErrorCode.PERIOD_INVALID, "periodEnd");
            assertThat(access.ofApplicant(liu)).as("nothing half-written").isEmpty();
        }
    }

    @Nested
    class Deciding {

        @Test
        void theDepartmentApprovesAndTheApplicantsKeyOpensOnlyThatDataset() {
            CommonwealUser liu = people.user("citizen.liu");
            Application application = access.apply(busApi, form(0, 30), liu);
            Application approved = access.decide(application.id(), true, "", application.version(), people.user("staff.transport"));
            assertThat(approved.state()).isEqualTo(Application.State.APPROVED);
            assertThat(access.allows(busApi, liu)).isTrue();
            assertThat(access.allows(streetLights, liu)).isFalse();

            IssuedKey key = access.issueKey(application.id(), liu);
            assertThat(key.secret()).startsWith("cwk_").hasSizeGreaterThan(40);
            assertThat(access.allows(busApi, key.secret())).isTrue();
            assertThat(access.allows(streetLights, key.secret())).isFalse();
            assertThat(access.allows(busApi, key.secret() + "x")).isFalse();
            assertThat(access.allows(busApi, (String) null)).isFalse();
            assertThat(jdbc.sql("SELECT count(*) FROM opendata_access_key WHERE key_hash = ?").param(key.secret())
                    .query(Integer.class).single()).as("the key itself is never stored").isZero();
            assertThat(key.expiresAt()).isEqualTo(today().plusDays(31).atStartOfDay(BEIJING).toInstant());

            IssuedKey replacement = access.issueKey(application.id(), liu);
            assertThat(access.allows(busApi, key.secret())).as("a new key replaces the old").isFalse();
            assertThat(access.allows(busApi, replacement.secret())).isTrue();

            clock.advance(Duration.ofDays(32));
            assertThat(access.allows(busApi, replacement.secret())).as("expired with the period").isFalse();
            assertThat(access.allows(busApi, liu)).isFalse();
        }

        @Test
        void revokingEndsAccessAtOnce() {
            CommonwealUser liu = people.user("citizen.liu");
            Application application = access.apply(busApi, form(0, 30), liu);
            access.decide(application.id(), true, "同意", application.version(), people.user("staff.transport"));
            IssuedKey key = access.issueKey(application.id(), liu);

            access.revoke(application.id(), "发现数据被转售", people.user("admin.transport"));

            assertThat(access.allows(busApi, key.secret())).isFalse();
            assertThat(access.allows(busApi, liu)).isFalse();
            assertRefused(() -> access.issueKey(application.id(), liu), ParticipationErrorCode.NOT_APPROVED, "");
        }

        @Test
        void theApplicantRevokesTheirOwnKey() {
            CommonwealUser liu = people.user("citizen.liu");
            Application application = access.apply(busApi, form(0, 30), liu);
            access.decide(application.id(), true, "", application.version(), people.user("staff.transport"));
            IssuedKey key = access.issueKey(application.id(), liu);

            assertThat(access.revokeKeys(application.id(), liu)).isEqualTo(1);
            assertThat(access.allows(busApi, key.secret())).isFalse();
            assertRefused(() -> access.revokeKeys(application.id(), liu), ParticipationErrorCode.KEY_NOT_FOUND, "");
            assertRefused(() -> access.issueKey(application.id(), people.user("citizen.zhao")),
                    ParticipationErrorCode.NOT_YOUR_APPLICATION, "");
        }

        @Test
        void aWithdrawnDatasetIsNotOpenedByItsKeys() {
            CommonwealUser liu = people.user("citizen.liu");
            CommonwealUser staff = people.user("staff.transport");
            Application application = access.apply(busApi, form(0, 30), liu);
            access.decide(application.id(), true, "", application.version(), staff);
            IssuedKey key = access.issueKey(application.id(), liu);
            datasets.withdraw(busApi, staff);
            try {
                assertThat(access.allows(busApi, key.secret())).isFalse();
                assertThat(access.allows(busApi, liu)).isFalse();
            } finally {
                datasets.publish(busApi, staff);
            }
            assertThat(access.allows(busApi, key.secret())).isTrue();
        }

        @Test
        void aRefusalNeedsAReasonAndGivesNoKey() {
            CommonwealUser liu = people.user("citizen.liu");
            Application application = access.apply(busApi, form(0, 30), liu);
            CommonwealUser staff = people.user("staff.transport");
            assertRefused(() -> access.decide(application.id(), false, "  ", application.version(), staff),
                    ParticipationErrorCode.FIELD_MISSING, "reason");

            Application refused = access.decide(application.id(), false, "数据正在核对", application.version(), staff);

            assertThat(refused.reason()).isEqualTo("数据正在核对");
            assertRefused(() -> access.issueKey(application.id(), liu), ParticipationErrorCode.NOT_APPROVED, "");
        }

        @Test
        void onlyThePublishingDepartmentDecides() {
            Application application = access.apply(busApi, form(0, 30), people.user("citizen.liu"));
            assertRefused(() -> access.decide(application.id(), true, "", application.version(), people.user("staff.housing")),
                    ParticipationErrorCode.NOT_YOUR_DEPARTMENT, "");
            assertRefused(() -> access.decide(application.id(), true, "", application.version(), people.user("citizen.liu")),
                    ParticipationErrorCode.NOT_YOUR_DEPARTMENT, "");
        }

        @Test
        void simultaneousDecisionsLeaveOneAndAnswerTheOthersWithConflict() throws Exception {
            Application application = access.apply(busApi, form(0, 30), people.user("citizen.liu"));
            List<Callable<String>> tasks = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                boolean approve = i % 2 == 0;
                tasks.add(() -> {
                    try {
                        access.decide(application.id(), approve, "理由", application.version(), people.user("staff.transport"));
                        return "decided";
                    } catch (ParticipationRefused refused) {
                        return refused.code().status().value() + "";
                    }
                });
            }
            List<String> outcomes = new ArrayList<>();
            try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
                for (Future<String> f : pool.invokeAll(tasks)) {
                    outcomes.add(f.get());
                }
            }
            assertThat(outcomes).containsOnlyOnce("decided");
            assertThat(outcomes.stream().filter(o -> !o.equals("decided"))).containsOnly("409");
            assertThat(people.evidence("opendata.access_approved").size() + people.evidence("opendata.access_refused").size())
                    .isPositive();
        }

        @Test
        void aPendingApplicationPastItsDeadlineIsOverdueInTheInbox() {
            Application application = access.apply(busApi, form(20, 30), people.user("citizen.liu"));
            assertThat(application.overdue(clock.instant())).isFalse();
            clock.advance(Duration.ofDays(16));
            Application inInbox = access.ofDepartment(application.departmentId()).stream()
                    .filter(a -> a.id().equals(application.id())).findFirst().orElseThrow();
            assertThat(inInbox.overdue(clock.instant())).isTrue();
        }
    }

    @Test
    void evidenceHoldsNoPersonalDataInClear() {
        CommonwealUser liu = people.user("citizen.liu");
        Application application = access.apply(busApi, form(0, 30), liu);
        access.decide(application.id(), false, "刘洋的理由", application.version(), people.user("staff.transport"));

        List<String> entries = people.evidence("opendata.access");
        assertThat(entries).anySatisfy(e -> assertThat(e).contains("opendata.access_applied", application.id().toString()));
        assertThat(entries).anySatisfy(e -> assertThat(e).contains("opendata.access_refused", "\"on_time\":true"));
        for (String entry : entries) {
            assertThat(entry).doesNotContain("清河大学交通学院", "研究公交准点率", "刘洋", liu.id().toString(),
                    id("staff.transport").toString(), "citizen.liu");
        }
    }

    private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, ParticipationErrorCode code,
                                      String field) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ParticipationRefused.class, refused -> {
            assertThat(refused.code()).isEqualTo(code);
            assertThat(refused.field()).isEqualTo(field);
        });
    }
}
