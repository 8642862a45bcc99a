package org.commonweal.opendata.feedback;

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
import org.commonweal.opendata.access.ParticipationErrorCode;
import org.commonweal.opendata.access.ParticipationRefused;
import org.commonweal.opendata.access.Participants;
import org.commonweal.support.CommonwealIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Requests and error reports on real PostgreSQL: duplicates, simultaneous answers, evidence. */
@CommonwealIntegrationTest
class DataFeedbackIntegrationTest {

    @Autowired
    DataFeedback feedback;

    @Autowired
    Datasets datasets;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcClient jdbc;

    Participants people;

    @BeforeEach
    void setUp() {
        people = new Participants(accounts, jdbc).waitForDemo();
    }

    private Feedback ask(String title, CommonwealUser who) {
        return feedback.submit(Feedback.Kind.DATASET_REQUEST, null, people.user("staff.transport").organisationId(), title,
                "希望开放。", who);
    }

    @Test
    void simultaneousIdenticalRequestsMakeOne() throws Exception {
        String title = "出租车上客点 " + UUID.randomUUID();
        CommonwealUser liu = people.user("citizen.liu");
        List<Callable<UUID>> tasks = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            tasks.add(() -> ask(title, liu).id());
        }
        List<UUID> ids = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(6)) {
            for (Future<UUID> f : pool.invokeAll(tasks)) {
                ids.add(f.get());
            }
        }
        assertThat(ids).containsOnly(ids.getFirst());
        assertThat(ask("  " + title.toUpperCase() + " ", liu).id()).as("case and spaces do not make a new one").isEqualTo(ids.getFirst());
        assertThat(ask(title, people.user("citizen.zhao")).id()).as("someone else asking is their own request")
                .isNotEqualTo(ids.getFirst());
    }

    @Test
    void simultaneousAnswersLeaveOneAndTheOthersConflict() throws Exception {
        Feedback item = ask("公交客流 " + UUID.randomUUID(), people.user("citizen.liu"));
        List<Callable<String>> tasks = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String text = "答复 " + i;
            tasks.add(() -> {
                try {
                    feedback.answer(item.id(), false, text, item.version(), people.user("staff.transport"));
                    return "answered";
                } catch (ParticipationRefused refused) {
                    return refused.code().name();
                }
            });
        }
        List<String> outcomes = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            for (Future<String> f : pool.invokeAll(tasks)) {
                outcomes.add(f.get());
            }
        }
        assertThat(outcomes).containsOnlyOnce("answered");
        assertThat(outcomes.stream().filter(o -> !o.equals("answered"))).containsOnly("STALE_VERSION");
        assertThat(feedback.get(item.id()).state()).isEqualTo(Feedback.State.ANSWERED);
    }

    @Test
    void anotherDepartmentCannotAnswerButAnyDepartmentTakesADontKnow() {
        Feedback addressed = ask("住房数据 " + UUID.randomUUID(), people.user("citizen.liu"));
        assertThatThrownBy(() -> feedback.answer(addressed.id(), false, "不是我们", addressed.version(), people.user("staff.housing")))
                .isInstanceOfSatisfying(ParticipationRefused.class,
                        r -> assertThat(r.code()).isEqualTo(ParticipationErrorCode.NOT_YOUR_DEPARTMENT));
        Feedback unknown = feedback.submit(Feedback.Kind.DATASET_REQUEST, null, null, "不知道找谁 " + UUID.randomUUID(),
                "说明", people.user("citizen.liu"));
        Feedback taken = feedback.answer(unknown.id(), true, "不属于本部门职责，已转告。", unknown.version(), people.user("staff.housing"));
        assertThat(taken.state()).isEqualTo(Feedback.State.DECLINED);
        assertThat(taken.departmentId()).isEqualTo(people.user("staff.housing").organisationId());
    }

    @Test
    void anErrorReportNeedsAPublicDatasetAndEvidenceKeepsTheTextOut() {
        UUID closed = datasets.findByName("qinghe-medical-records").orElseThrow().id();
        assertThatThrownBy(() -> feedback.submit(Feedback.Kind.ERROR_REPORT, closed, null, "标题", "说明", people.user("citizen.liu")))
                .isInstanceOfSatisfying(ParticipationRefused.class,
                        r -> assertThat(r.code()).isEqualTo(ParticipationErrorCode.DATASET_NOT_FOUND));
        String secret = "我的手机号 13800000000 " + UUID.randomUUID();
        Feedback report = feedback.submit(Feedback.Kind.ERROR_REPORT, datasets.findByName("qinghe-schools").orElseThrow().id(),
                null, "学校地址错误 " + UUID.randomUUID(), secret, people.user("citizen.liu"));
        assertThat(report.departmentId()).isNotNull();
        List<String> evidence = people.evidence("opendata.feedback");
        assertThat(evidence).anySatisfy(e -> assertThat(e).contains(report.number(), "qinghe-schools"));
        assertThat(evidence).allSatisfy(e -> assertThat(e).doesNotContain("13800000000", people.user("citizen.liu").id().toString()));
    }
}
