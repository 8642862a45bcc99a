package org.commonweal.ledger;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.commonweal.identity.Accounts;
import org.commonweal.identity.OrganisationIdentifier;
import org.commonweal.identity.OrganisationKind;
import org.commonweal.identity.Organisations;
import org.commonweal.identity.Role;
import org.commonweal.ledger.internal.Auditor;
import org.commonweal.ledger.internal.LedgerKeys;
import org.commonweal.ledger.internal.LedgerStore;
import org.commonweal.ledger.internal.Sequencer;
import org.commonweal.ledger.tlog.Checkpoint;
import org.commonweal.ledger.tlog.EntryBundle;
import org.commonweal.ledger.tlog.MerkleHash;
import org.commonweal.ledger.tlog.ProofVerifier;
import org.commonweal.platform.CommonwealException;
import org.commonweal.support.CommonwealIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every consequential action leaves public evidence that anyone can verify, over real HTTP. */
@CommonwealIntegrationTest
class LedgerIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    Ledger ledger;

    @Autowired
    Organisations organisations;

    @Autowired
    Accounts accounts;

    @Autowired
    Sequencer sequencer;

    @Autowired
    LedgerStore store;

    @Autowired
    LedgerKeys keys;

    @Autowired
    Auditor auditor;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JsonMapper json;

    @BeforeEach
    void integrateWhatIsPending() {
        awaitIntegrated();
    }

    @Nested
    class Recording {

        @Test
        void anActionAndItsEvidenceCommitTogether() {
            organisations.register(OrganisationIdentifier.of("CW-DEMO", "COM", "EVIDENCE-CO"), OrganisationKind.ENTERPRISE,
                    "证据公司", "Evidence Co", null, Accounts.SYSTEM);
            awaitIntegrated();
            JsonNode history = getJson("/api/v1/ledger/entries?subject=CW-DEMO/COM/EVIDENCE-CO");
            assertThat(history).hasSize(1);
            assertThat(history.get(0).get("entry").get("type").asString()).isEqualTo("identity.organisation_registered");
            assertThat(history.get(0).get("entry").get("kind").asString()).isEqualTo("ENTERPRISE");
        }

        @Test
        void aRefusedActionLeavesNoEvidence() {
            long before = store.pendingCount() + sequencer.latest().size();
            assertThatThrownBy(() -> organisations.register(OrganisationIdentifier.of("CW-DEMO", "GOV", "TRANSPORT"),
                    OrganisationKind.DEPARTMENT, "重复", "Duplicate", null, Accounts.SYSTEM))
                    .isInstanceOf(CommonwealException.class);
            assertThat(store.pendingCount() + sequencer.latest().size()).isEqualTo(before);
        }

        @Test
        void evidenceCannotBeRecordedOutsideTheActionsTransaction() {
            assertThatThrownBy(() -> ledger.record(Evidence.of("test.orphaned", "nothing", "system")))
                    .isInstanceOf(IllegalTransactionStateException.class);
        }

        @Test
        void evidenceHoldsNoPersonalDataInClear() {
            accounts.create("private.person", "隐私先生", "password-123456", null, Set.of(Role.CITIZEN), Accounts.SYSTEM);
            awaitIntegrated();
            long size = sequencer.latest().size();
            String everything = store.entries(0, size).stream()
                    .map(e -> new String(e.entry(), StandardCharsets.UTF_8)).reduce("", String::concat);
            assertThat(everything).doesNotContain("private.person").doesNotContain("隐私先生")
                    .doesNotContain(accounts.findByUsername("private.person").orElseThrow().id().toString());
        }

        @Test
        void malformedEvidenceIsRefusedBeforeAnythingIsStored() {
            assertThatThrownBy(() -> new Evidence("NoModule", "s", "a", Map.of())).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new Evidence("test.x", "", "a", Map.of())).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new Evidence("test.x", "s", "a", Map.of("type", "forged")))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> transactions.executeWithoutResult(status -> ledger.record(
                    new Evidence("test.huge", "s", "a", Map.of("blob", "x".repeat(Ledger.MAX_ENTRY_BYTES))))))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class Proofs {

        @Test
        void everyEntryIsProvablyInTheSignedTree() {
            Checkpoint signed = Checkpoint.verifyAndParse(getText("/ledger/checkpoint"), List.of(keys.verifier()));
            assertThat(signed.size()).isPositive();
            for (long index = 0; index < signed.size(); index++) {
                JsonNode proof = getJson("/api/v1/ledger/proofs/inclusion?index=" + index + "&size=" + signed.size());
                byte[] entry = getJson("/api/v1/ledger/entries/" + index).get("entry").toString().getBytes(StandardCharsets.UTF_8);
                ProofVerifier.verifyInclusion(index, signed.size(), MerkleHash.leafHash(canonical(entry)),
                        hashes(proof.get("proof")), signed.rootHash());
            }
        }

        @Test
        void aLaterCheckpointIsConsistentWithAnEarlierOne() {
            Checkpoint earlier = Checkpoint.verifyAndParse(getText("/ledger/checkpoint"), List.of(keys.verifier()));
            transactions.executeWithoutResult(status -> ledger.record(Evidence.of("test.grown", "growth", "system")));
            awaitIntegrated();
            Checkpoint later = Checkpoint.verifyAndParse(getText("/ledger/checkpoint"), List.of(keys.verifier()));
            assertThat(later.size()).isGreaterThan(earlier.size());
            JsonNode proof = getJson("/api/v1/ledger/proofs/consistency?from=" + earlier.size() + "&to=" + later.size());
            ProofVerifier.verifyConsistency(earlier.size(), later.size(), hashes(proof.get("proof")),
                    earlier.rootHash(), later.rootHash());
        }

        @Test
        void outOfRangeOrMalformedArgumentsAreClientErrors() {
            long size = sequencer.latest().size();
            assertProblem("/api/v1/ledger/proofs/inclusion?index=" + size, 400, "index_out_of_range");
            assertProblem("/api/v1/ledger/proofs/inclusion?index=-1", 400, "index_out_of_range");
            assertProblem("/api/v1/ledger/proofs/inclusion?index=0&size=" + (size + 1), 400, "size_out_of_range");
            assertProblem("/api/v1/ledger/proofs/inclusion?index=abc", 400, "invalid_request");
            assertProblem("/api/v1/ledger/proofs/inclusion?index=99999999999999999999", 400, "invalid_request");
            assertProblem("/api/v1/ledger/proofs/consistency?from=0&to=" + size, 400, "size_out_of_range");
            assertProblem("/api/v1/ledger/proofs/consistency?from=" + size + "&to=1", 400, "size_out_of_range");
            assertProblem("/api/v1/ledger/entries/" + Long.MAX_VALUE, 400, "index_out_of_range");
            assertProblem("/api/v1/ledger/entries?subject=", 400, "subject_invalid");
            assertProblem("/ledger/tile/0/abc", 400, "malformed_tile_path");
            HttpResponse<byte[]> traversal = get("/ledger/tile/0/..%2F..%2Fetc%2Fpasswd"); // refused by the HTTP layer first
            assertThat(traversal.statusCode()).isEqualTo(400);
            assertThat(new String(traversal.body(), StandardCharsets.UTF_8)).doesNotContain("root:");
            assertProblem("/ledger/tile/0/000.p/0", 400, "malformed_tile_path");
            assertProblem("/ledger/tile/0/999", 404, "tile_not_available");
        }
    }

    @Nested
    class Tiles {

        @Test
        void theCheckpointIsShortLivedTextAndTilesAreImmutable() {
            HttpResponse<byte[]> checkpoint = get("/ledger/checkpoint");
            assertThat(checkpoint.headers().firstValue("Content-Type")).hasValue("text/plain;charset=UTF-8");
            assertThat(checkpoint.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v).contains("max-age=2"));
            long size = sequencer.latest().size();
            // other tests' evidence may already fill the first tile; a partial tile is 1 to 255 wide
            HttpResponse<byte[]> tile = get(size >= 256 ? "/ledger/tile/0/000" : "/ledger/tile/0/000.p/" + size);
            assertThat(tile.statusCode()).isEqualTo(200);
            assertThat(tile.headers().firstValue("Content-Type")).hasValue("application/octet-stream");
            assertThat(tile.headers().firstValue("Cache-Control")).hasValue("max-age=31536000, public, immutable");
            assertThat(tile.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        }

        @Test
        void entryBundlesHashToTheLevelZeroTile() {
            long width = Math.min(sequencer.latest().size(), 255);
            List<byte[]> entries = EntryBundle.decode(get("/ledger/tile/entries/000.p/" + width).body());
            byte[] tile = get("/ledger/tile/0/000.p/" + width).body();
            assertThat(entries).hasSize((int) width);
            for (int i = 0; i < width; i++) {
                assertThat(MerkleHash.leafHash(entries.get(i))).isEqualTo(java.util.Arrays.copyOfRange(tile, i * 32, i * 32 + 32));
            }
        }
    }

    @Nested
    class Bundles {

        @Test
        void entriesIntegratedInBatchesOfEverySizeFillBundlesThatVerifyAndReadBack() throws Exception {
            // Transactions of 1, 7 and 100 pieces: the sequencer appends to the partial bundle at
            // the end and starts the next as each fills, whatever the batch boundaries are.
            long before = sequencer.latest().size();
            int[] transactionSizes = {1, 7, 100, 1, 100, 7, 100, 7, 1, 100};
            for (int t = 0; t < transactionSizes.length; t++) {
                int pieces = transactionSizes[t];
                String subject = "bundled-" + before + "-" + t;
                transactions.executeWithoutResult(status -> {
                    for (int i = 0; i < pieces; i++) {
                        ledger.record(new Evidence("test.bundled", subject, "system", Map.of("piece", i)));
                    }
                });
            }
            awaitIntegrated();
            long size = sequencer.latest().size();
            assertThat(size - before).isGreaterThanOrEqualTo(424);

            try (org.commonweal.ledger.verifier.LedgerVerifier verifier =
                         new org.commonweal.ledger.verifier.LedgerVerifier(URI.create("http://localhost:" + port))) {
                var result = verifier.verify(keys.verifier(), null);
                assertThat(result.ok()).as(result.message()).isTrue();
                assertThat(result.entriesVerified()).isGreaterThanOrEqualTo(size);
            }
            JsonNode hundred = getJson("/api/v1/ledger/entries?subject=bundled-" + before + "-2&limit=1000");
            assertThat(hundred.valueStream().map(entry -> entry.get("entry").get("piece").asInt()).toList())
                    .containsExactlyElementsOf(java.util.stream.IntStream.range(0, 100).boxed().toList());
            assertThat(store.entries(before, size)).hasSize((int) (size - before))
                    .allSatisfy(entry -> assertThat(Base64.getEncoder().encodeToString(MerkleHash.leafHash(entry.entry())))
                            .isEqualTo(Base64.getEncoder().encodeToString(entry.leafHash())));
        }

        @Test
        void aReaderWhoseCheckpointIsOlderGetsTheBundleAsItWasAtThatSize() {
            long size;
            do { // until the last bundle holds at least three entries
                transactions.executeWithoutResult(status -> {
                    for (int i = 0; i < 3; i++) {
                        ledger.record(Evidence.of("test.bundle_prefix", "prefix-" + i, "system"));
                    }
                });
                awaitIntegrated();
                size = sequencer.latest().size();
            } while ((size - 1) % 256 < 2);
            long bundle = (size - 1) / 256;
            int stored = (int) (size - bundle * 256);
            int older = stored - 2;

            List<byte[]> served = EntryBundle.decode(store.bundle(bundle, older));

            assertThat(served).hasSize(older);
            assertThat(served).zipSatisfy(store.entries(bundle * 256, bundle * 256 + older),
                    (bytes, entry) -> assertThat(bytes).isEqualTo(entry.entry()));
            assertThatThrownBy(() -> store.bundle(bundle, stored + 1)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("stored entry bundle " + bundle + " is damaged");
        }
    }

    @Nested
    class Auditing {

        @Test
        void betweenFullPassesOnlyNewEntriesAreVerified() {
            assertThat(auditor.audit().ok()).isTrue();
            transactions.executeWithoutResult(status -> ledger.record(Evidence.of("test.audited_later", "later", "system")));
            awaitIntegrated();
            Auditor.Finding incremental = auditor.auditNewEntries();
            assertThat(incremental.ok()).as(incremental.message()).isTrue();
            assertThat(incremental.verifiedEntries()).isEqualTo(sequencer.latest().size());
        }

        @Test
        void aRowChangedBehindTheApplicationsBackIsCaughtAndNamed() {
            awaitIntegrated();
            assertThat(auditor.audit().ok()).isTrue();
            long victim = 3;
            byte[] original = StoredEvidence.tamper(jdbc, victim, entry -> entry.replace("identity", "forged"));
            try {
                Auditor.Finding finding = auditor.audit();
                assertThat(finding.ok()).isFalse();
                assertThat(finding.badIndex()).isEqualTo(victim);
                String health = getText("/actuator/health");
                assertThat(health).contains("\"ledger\":{\"details\"").contains("\"firstBadIndex\":" + victim).contains("DOWN");
                assertThat(jdbc.sql("SELECT count(*) FROM ledger_alert WHERE entry_index = ?").param(victim)
                        .query(Integer.class).single()).isPositive();
            } finally {
                StoredEvidence.restore(jdbc, victim, original);
            }
            assertThat(auditor.audit().ok()).isTrue();
        }
    }

    /** The sequencer runs on its own schedule: wait until it has taken everything pending. */
    private void awaitIntegrated() {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> store.pendingCount() == 0);
    }

    /** The API shows the entry as a JSON object; the log holds its RFC 8785 bytes. */
    private byte[] canonical(byte[] jsonObject) {
        return org.commonweal.ledger.tlog.CanonicalJson.toUtf8(json.readValue(jsonObject, Map.class));
    }

    private static List<byte[]> hashes(JsonNode array) {
        return array.valueStream().map(node -> Base64.getDecoder().decode(node.asString())).toList();
    }

    private void assertProblem(String path, int status, String code) {
        HttpResponse<byte[]> response = get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(status);
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).as(path).contains("\"code\":\"" + code + "\"");
    }

    private JsonNode getJson(String path) {
        return json.readTree(get(path).body());
    }

    private String getText(String path) {
        return new String(get(path).body(), StandardCharsets.UTF_8);
    }

    private HttpResponse<byte[]> get(String path) {
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
            return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
