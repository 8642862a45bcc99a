package org.commonweal.ledger.verifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.commonweal.ledger.tlog.Checkpoint;
import org.commonweal.ledger.tlog.EntryBundle;
import org.commonweal.ledger.tlog.MerkleHash;
import org.commonweal.ledger.tlog.NoteSigner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class LedgerVerifierUnitTest {

    private static final NoteSigner SIGNER = TestLog.newSigner();
    private static final TestLog LOG = TestLog.of(SIGNER, TestLog.entries(1300, "main"));
    private static final TestLog LARGE = TestLog.of(SIGNER, TestLog.entries(70_000, "large"));

    private InProcessLogServer server;
    private LedgerVerifier verifier;

    @BeforeEach
    void start() throws IOException {
        server = InProcessLogServer.serving(LOG);
        verifier = new LedgerVerifier(server.url());
    }

    @AfterEach
    void stop() {
        verifier.close();
        server.close();
    }

    private VerificationResult verify() throws IOException {
        return verifier.verify(SIGNER.verifier(), null);
    }

    private VerificationResult verifyAgainst(VerifierState previous) throws IOException {
        return verifier.verify(SIGNER.verifier(), previous);
    }

    /** Rewrites entry {@code index} and its leaf hash together, as a server that recomputes level 0 would. */
    private void rewriteEntryAndLeafHash(long index) {
        byte[] forged = "{\"forged\":true}".getBytes(StandardCharsets.UTF_8);
        server.replaceEntry(index, forged);
        server.replaceLeafHash(index, MerkleHash.leafHash(forged));
    }

    @Nested
    class Results {

        @Test
        void reportTheCheckpointAndEveryEntryVerified() throws IOException {
            VerificationResult result = verify();

            assertThat(result.ok()).isTrue();
            assertThat(result.checkpoint()).isEqualTo(LOG.checkpoint());
            assertThat(result.size()).isEqualTo(1300);
            assertThat(result.root()).isEqualTo(LOG.root());
            assertThat(result.entriesVerified()).isEqualTo(1300);
            assertThat(result.firstBadIndex()).isEmpty();
            assertThat(result.previousSize()).isEmpty();
            assertThat(result.verifierKey()).isEqualTo(LOG.verifierKey());
            assertThat(result.message()).isEqualTo("verified 1300 entries");
        }

        @Test
        void reportTheFirstBadIndexAndCountTheEntriesBeforeItAsVerified() throws IOException {
            server.replaceEntry(777, new byte[] {'{', '}'});

            VerificationResult result = verify();

            assertThat(result.ok()).isFalse();
            assertThat(result.firstBadIndex()).hasValue(777);
            assertThat(result.entriesVerified()).isEqualTo(777);
            assertThat(result.checkpoint()).isEqualTo(LOG.checkpoint());
        }

        @Test
        void trustTheLogsPublishedKeyWhenNoneIsGiven() throws IOException {
            VerificationResult result = verifier.verify(null, null);

            assertThat(result.ok()).isTrue();
            assertThat(result.verifierKey()).isEqualTo(LOG.verifierKey());
        }

        @Test
        void reportNoCheckpointWhenItsSignatureFails() throws IOException {
            VerificationResult result = verifier.verify(TestLog.newSigner().verifier(), null);

            assertThat(result.ok()).isFalse();
            assertThat(result.checkpoint()).isNull();
            assertThat(result.size()).isZero();
            assertThat(result.root()).isNull();
            assertThat(result.entriesVerified()).isZero();
        }
    }

    @Nested
    class RootMismatch {

        @Test
        void narrowsItToTheBundleWhenAnEntryAndItsLeafHashWereRewrittenTogether() throws IOException {
            rewriteEntryAndLeafHash(777);

            VerificationResult result = verify();

            assertThat(result.ok()).isFalse();
            assertThat(result.message()).isEqualTo("root mismatch at size 1300: entries [768, 1024) do not hash to the "
                    + "subtree the signed root commits to; the first bad index is in that range");
            assertThat(result.firstBadIndex()).isEmpty();
        }

        @Test
        void walksDownThroughHigherTileLevelsInALargerLog() throws IOException {
            server.serve(LARGE);
            rewriteEntryAndLeafHash(40_000);

            VerificationResult result = verify();

            // 40 000 lies in the level-16 subtree [0, 65536); the walk descends from the level-2 tile.
            assertThat(result.message()).contains("entries [39936, 40192)");
        }

        @Test
        void findsTheLeftmostOfTwoRewrittenBundles() throws IOException {
            server.serve(LARGE);
            rewriteEntryAndLeafHash(66_000);
            rewriteEntryAndLeafHash(1_000);

            assertThat(verify().message()).contains("entries [768, 1024)");
        }

        @Test
        void saysSoWhenTheLogsOwnTilesDisagreeWithTheSignedRoot() throws IOException {
            server.replaceBody("/ledger/checkpoint",
                    SIGNER.signNote(new Checkpoint(TestLog.ORIGIN, 1300, new byte[32]).toNoteText()).getBytes(StandardCharsets.UTF_8));

            assertThat(verify().message()).isEqualTo("root mismatch at size 1300: the log's own hash tiles do not "
                    + "reproduce the signed root either, so the bad entries cannot be located");
        }

        @Test
        void namesTheIndexWhenOnlyTheEntryWasRewritten() throws IOException {
            server.serve(LARGE);
            server.replaceEntry(40_000, new byte[] {'{', '}'});

            VerificationResult result = verify();

            assertThat(result.firstBadIndex()).hasValue(40_000);
            assertThat(result.message()).isEqualTo("first bad index 40000: the entry does not hash to the leaf hash the "
                    + "signed root of size 70000 commits to");
        }

        @Test
        void namesTheIndexOfARewriteInThePartialBundleAtTheEnd() throws IOException {
            server.replaceEntry(1290, new byte[] {'{', '}'});

            assertThat(verify().firstBadIndex()).hasValue(1290);
        }

        @Test
        void cannotLocateAnEntryRewrittenWithItsLeafHashInThePartialBundle() throws IOException {
            rewriteEntryAndLeafHash(1290);

            assertThat(verify().message()).startsWith("root mismatch at size 1300: the log's own hash tiles do not reproduce");
        }

        @Test
        void stillReportsTheMismatchWhenTheHigherTilesCannotBeFetched() throws IOException {
            rewriteEntryAndLeafHash(777);
            server.replaceStatus("/ledger/tile/1/000.p/5", 404);

            assertThat(verify().message()).isEqualTo("root mismatch at size 1300 (could not locate it: "
                    + "GET ledger/tile/1/000.p/5 answered HTTP 404 (not found))");
        }
    }

    @Nested
    class PreviousCheckpoint {

        @Test
        void acceptsAPreviousSizeInsideABundle() throws IOException {
            VerificationResult result = verifyAgainst(LOG.prefix(1000).state());

            assertThat(result.ok()).isTrue();
            assertThat(result.previousSize()).hasValue(1000);
            assertThat(result.message()).isEqualTo("verified 1300 entries, consistent with the previous checkpoint of size 1000");
        }

        @Test
        void acceptsAPreviousSizeOnABundleBoundary() throws IOException {
            assertThat(verifyAgainst(LOG.prefix(1024).state()).ok()).isTrue();
        }

        @Test
        void acceptsAnEmptyPreviousLogWithoutAskingForAProof() throws IOException {
            server.replaceStatus("/api/v1/ledger/proofs/consistency", 500);

            assertThat(verifyAgainst(LOG.prefix(0).state()).ok()).isTrue();
        }

        @Test
        void doesNotAskForAProofWhenTheSizeIsUnchanged() throws IOException {
            server.replaceStatus("/api/v1/ledger/proofs/consistency", 500);

            assertThat(verifyAgainst(LOG.state()).ok()).isTrue();
        }

        @Test
        void failsWhenTheProofApiIsBroken() throws IOException {
            server.replaceStatus("/api/v1/ledger/proofs/consistency", 500);

            VerificationResult result = verifyAgainst(LOG.prefix(1000).state());

            assertThat(result.ok()).isFalse();
            assertThat(result.message()).startsWith("GET api/v1/ledger/proofs/consistency?from=1000&to=1300 answered HTTP 500");
        }

        @Test
        void failsWhenTheProofIsForOtherSizes() throws IOException {
            server.replaceBody("/api/v1/ledger/proofs/consistency",
                    "{\"from\":999,\"to\":1300,\"proof\":[]}".getBytes(StandardCharsets.UTF_8));

            assertThat(verifyAgainst(LOG.prefix(1000).state()).message()).contains("\"from\": 999, but 1000 was asked for");
        }

        @Test
        void failsWhenTheOriginChanged() throws IOException {
            VerifierState elsewhere = new VerifierState("other.example/log", LOG.verifierKey(), 10, LOG.prefix(10).root());

            assertThat(verifyAgainst(elsewhere).message())
                    .isEqualTo("checkpoint origin \"commonweal.test/ledger\" is not the origin \"other.example/log\" of the previous checkpoint");
        }
    }

    @Nested
    class ServerMisbehaviour {

        @Test
        void failsOnAHashTileOfTheWrongLength() throws IOException {
            server.replaceEntry(300, new byte[] {'{', '}'});
            server.replaceBody("/ledger/tile/0/001", new byte[31 * 256]);

            assertThat(verify().message()).isEqualTo("root mismatch at size 1300 (could not locate it: "
                    + "tile/0/001 is 7936 bytes, want 8192 (256 hashes))");
        }

        @Test
        void failsOnABundleWithAnEntryMissing() throws IOException {
            server.replaceBody("/ledger/tile/entries/002",
                    EntryBundle.encode(Arrays.asList(new byte[255][]).stream().map(e -> new byte[] {'{', '}'}).toList()));

            assertThat(verify().message()).isEqualTo("tile/entries/002 holds 255 entries, want 256");
        }

        @Test
        void failsOnACheckpointThatIsNotASignedNote() throws IOException {
            server.replaceBody("/ledger/checkpoint", "<html>maintenance</html>".getBytes(StandardCharsets.UTF_8));

            assertThat(verify().message()).startsWith("checkpoint rejected: ");
        }

        @Test
        void followsARedirectToWhereATileMoved() throws Exception {
            server.redirect("/ledger/tile/entries/001", "/mirror/tile/entries/001");
            server.replaceBody("/mirror/tile/entries/001", java.util.Objects.requireNonNull(LOG.tileResource("tile/entries/001")));

            assertThat(verify().ok()).isTrue();
        }

        @Test
        void failsOnARedirectToNowhere() throws IOException {
            server.redirect("/ledger/tile/entries/001", "/mirror/tile/entries/001");

            assertThat(verify().message()).isEqualTo("GET ledger/tile/entries/001 answered HTTP 404 (not found)");
        }

        @Test
        void refusesRedirectsFromHttpsDownToHttpOrToOtherSchemes() {
            URI https = URI.create("https://log.example/ledger/checkpoint");
            assertThat(LedgerClient.redirectTarget(https, "/v2/checkpoint")).isEqualTo(URI.create("https://log.example/v2/checkpoint"));
            assertThat(LedgerClient.redirectTarget(URI.create("http://log.example/ledger/checkpoint"), "https://log.example/c"))
                    .isEqualTo(URI.create("https://log.example/c"));
            assertThatThrownBy(() -> LedgerClient.redirectTarget(https, "http://log.example/ledger/checkpoint"))
                    .isInstanceOf(VerificationFailure.class).hasMessageContaining("does not follow");
            assertThatThrownBy(() -> LedgerClient.redirectTarget(https, "file:///etc/passwd"))
                    .isInstanceOf(VerificationFailure.class).hasMessageContaining("does not follow");
        }

        @Test
        void refusesAPublishedKeyThatIsNotAKey() {
            server.replaceBody("/ledger/verifier-key", "hello\n".getBytes(StandardCharsets.UTF_8));

            assertThatThrownBy(verifier::fetchVerifierKey)
                    .isInstanceOf(VerificationFailure.class)
                    .hasMessageStartingWith("the log's verifier key is unusable");
        }
    }

    @Test
    void refusesABaseUrlThatIsNotHttp() {
        assertThatThrownBy(() -> new LedgerVerifier(URI.create("file:///tmp/log"))).isInstanceOf(IllegalArgumentException.class);
    }
}
