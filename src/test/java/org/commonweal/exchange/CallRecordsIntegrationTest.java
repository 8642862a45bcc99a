package org.commonweal.exchange;

import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.commonweal.exchange.internal.CallRecorder;
import org.commonweal.exchange.internal.MerkleTree;
import org.commonweal.exchange.internal.PendingCall;
import org.commonweal.ledger.tlog.ProofVerifier;
import org.commonweal.support.CommonwealIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Call records: written in batches with one ledger entry each, found by data subject after the delay, provable. */
@CommonwealIntegrationTest
class CallRecordsIntegrationTest {

    @Autowired
    CallRecords callRecords;

    @Autowired
    CallRecorder recorder;

    @Autowired
    DataSubjects subjects;

    @Autowired
    JdbcClient jdbc;

    private CallRecord call(String subjectHash, Instant at, Duration delay) {
        return new CallRecord(UUID.randomUUID(), UUID.randomUUID().toString(), "CW-DEMO/GOV/URBAN-MGMT/enforcement",
                "CW-DEMO/GOV/TRANSPORT/vehicles/lookup", UUID.randomUUID(), "checking parked vehicles", "case-17",
                subjectHash, Set.of("plate_number"), at, at.plus(delay), 200, null, "sha256:aa", "sha256:bb", 1200);
    }

    private void record(CallRecord call) {
        recorder.record(new PendingCall(call, "URBAN-MGMT", "TRANSPORT", "QH-TRANSPORT-0001"));
    }

    @Test
    void hashesADataSubjectTheSameWayEveryTimeAndDifferentlyForEachPerson() {
        assertThat(subjects.hashOf("110101199003077777")).isEqualTo(subjects.hashOf(" 110101199003077777 "))
                .startsWith("hmac-sha256:").doesNotContain("110101199003077777")
                .isNotEqualTo(subjects.hashOf("110101199003077778"));
    }

    @Test
    void aSubjectSeesTheirCallsOnlyOnceTheTrackerDelayHasPassed() {
        String subject = subjects.hashOf("person-" + UUID.randomUUID());
        Instant at = Instant.parse("2026-03-02T02:00:00Z");
        CallRecord atOnce = call(subject, at, Duration.ZERO);
        CallRecord delayed = call(subject, at.plusSeconds(60), Duration.ofDays(30));
        record(atOnce);
        record(delayed);
        record(call(subjects.hashOf("someone else"), at, Duration.ZERO));
        callRecords.flushNow();
        assertThat(callRecords.aboutSubject(subject, at.plusSeconds(120))).extracting(CallRecord::id).containsExactly(atOnce.id());
        assertThat(callRecords.aboutSubject(subject, at.plus(Duration.ofDays(31)))).extracting(CallRecord::id)
                .containsExactly(delayed.id(), atOnce.id());
        assertThat(callRecords.find(atOnce.id())).hasValue(atOnce);
    }

    @Test
    void everyBatchHasOneLedgerEntryWithItsRootAndEachCallAnInclusionProof() {
        List<CallRecord> calls = java.util.stream.IntStream.range(0, 7)
                .mapToObj(i -> call(null, Instant.parse("2026-03-02T03:00:00Z").plusSeconds(i), Duration.ZERO)).toList();
        calls.forEach(this::record);
        callRecords.flushNow();
        CallInclusionProof proof = callRecords.inclusionProof(calls.get(5).id()).orElseThrow();
        assertThat(proof.size()).isGreaterThanOrEqualTo(7);
        List<String> entries = ExchangeFixtures.evidence(jdbc, "exchange-batch/" + proof.batchId());
        assertThat(entries).singleElement().satisfies(entry -> assertThat(entry)
                .contains("\"type\":\"exchange.calls_recorded\"").contains("\"root\":\"sha256:" + proof.root() + "\"")
                .contains("\"size\":" + proof.size()));
        HexFormat hex = HexFormat.of();
        byte[] leafHash = MerkleTree.leafHash(proof.leaf().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        ProofVerifier.verifyInclusion(proof.index(), proof.size(), leafHash,
                proof.path().stream().map(hex::parseHex).toList(), hex.parseHex(proof.root()));
        assertThat(proof.leaf()).contains(calls.get(5).id().toString());
    }

    @Test
    void countsCallsPerDayResourceAndConsumer() {
        Instant day = Instant.parse("2026-04-01T04:00:00Z");
        // the test clock puts every test's calls on this day: count the difference these two make
        CallCount before = vehicleCallsOfUrbanManagement();
        record(call(null, day, Duration.ZERO));
        record(call(null, day.plusSeconds(5), Duration.ZERO));
        callRecords.flushNow();
        CallCount after = vehicleCallsOfUrbanManagement();
        assertThat(after.calls()).isEqualTo(before.calls() + 2);
        assertThat(after.failed()).isEqualTo(before.failed());
        assertThat(callRecords.daily(java.time.LocalDate.of(2026, 4, 1), java.time.LocalDate.of(2026, 4, 1), "HOUSING", null))
                .isEmpty();
    }

    private CallCount vehicleCallsOfUrbanManagement() {
        java.time.LocalDate april = java.time.LocalDate.of(2026, 4, 1);
        return callRecords.daily(april, april, "TRANSPORT", null).stream()
                .filter(count -> count.resourceCode().equals("QH-TRANSPORT-0001") && count.consumerMember().equals("URBAN-MGMT"))
                .findFirst().orElse(new CallCount(april, "QH-TRANSPORT-0001", "URBAN-MGMT", "TRANSPORT", 0, 0));
    }
}
