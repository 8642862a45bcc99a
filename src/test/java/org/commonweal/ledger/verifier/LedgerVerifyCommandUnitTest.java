package org.commonweal.ledger.verifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.commonweal.ledger.tlog.Checkpoint;
import org.commonweal.ledger.tlog.CanonicalJson;
import org.commonweal.ledger.tlog.MerkleHash;
import org.commonweal.ledger.tlog.NoteSigner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The command end to end, against an in-process server that serves a log built with the kernel. */
class LedgerVerifyCommandUnitTest {

    private static final NoteSigner SIGNER = TestLog.newSigner();
    private static final TestLog LOG = TestLog.of(SIGNER, TestLog.entries(1000, "main"));
    private static final String OK_LINE = "OK %d entries verified, root %s, \\d+ entries/s";

    private InProcessLogServer server;

    @TempDir
    Path directory;

    @BeforeEach
    void startServer() throws IOException {
        server = InProcessLogServer.serving(LOG);
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    record Outcome(int exitCode, String out, String err) {

        List<String> outLines() {
            return out.lines().toList();
        }
    }

    static Outcome run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exitCode = LedgerVerifyCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Outcome(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private Outcome verify(String... extraArgs) {
        List<String> args = new ArrayList<>(List.of("verify", "--url", server.url().toString()));
        args.addAll(List.of(extraArgs));
        return run(args.toArray(String[]::new));
    }

    private Outcome verifyWithKey(String... extraArgs) {
        List<String> args = new ArrayList<>(List.of("--key", SIGNER.verifier().verifierKey()));
        args.addAll(List.of(extraArgs));
        return verify(args.toArray(String[]::new));
    }

    private static String okLine(TestLog log) {
        return OK_LINE.formatted(log.size(), java.util.regex.Pattern.quote(Base64.getEncoder().encodeToString(log.root())));
    }

    @Nested
    class ValidLogs {

        @Test
        void verifiesALogOfAThousandEntries() {
            Outcome outcome = verifyWithKey();

            assertThat(outcome.exitCode()).isZero();
            assertThat(outcome.outLines()).singleElement().asString().matches(okLine(LOG));
            assertThat(outcome.err()).isEmpty();
        }

        @Test
        void verifiesALogOfSeventyThousandEntriesEndingInAPartialBundle() {
            TestLog large = TestLog.of(SIGNER, TestLog.entries(70_000, "large"));
            server.serve(large);

            Outcome outcome = verifyWithKey();

            assertThat(outcome.exitCode()).isZero();
            assertThat(outcome.outLines()).singleElement().asString().matches(okLine(large));
        }

        @Test
        void verifiesALogOfWholeBundlesOnly() {
            TestLog whole = LOG.prefix(512);
            server.serve(whole);

            assertThat(verifyWithKey().outLines()).singleElement().asString().matches(okLine(whole));
        }

        @Test
        void verifiesAnEmptyLog() {
            TestLog empty = LOG.prefix(0);
            server.serve(empty);

            Outcome outcome = verifyWithKey();

            assertThat(outcome.exitCode()).isZero();
            assertThat(outcome.outLines()).singleElement().asString()
                    .startsWith("OK 0 entries verified, root " + Base64.getEncoder().encodeToString(MerkleHash.emptyTreeRoot()));
        }
    }

    @Nested
    class TamperedLogs {

        @Test
        void namesTheIndexOfAnEntryServedWithOtherBytes() {
            server.replaceEntry(777, CanonicalJson.toUtf8(java.util.Map.of("index", 777, "forged", true)));

            Outcome outcome = verifyWithKey();

            assertThat(outcome.exitCode()).isEqualTo(1);
            assertThat(outcome.outLines()).containsExactly(
                    "FAILED: first bad index 777: the entry does not hash to the leaf hash the signed root of size 1000 commits to");
        }

        @Test
        void namesTheIndexOfATamperedEntryInThePartialBundleAtTheEnd() {
            server.replaceEntry(998, new byte[] {'{', '}'});

            Outcome outcome = verifyWithKey();

            assertThat(outcome.exitCode()).isEqualTo(1);
            assertThat(outcome.out()).startsWith("FAILED: first bad index 998: ");
        }

        @Test
        void namesTheLowestBadIndexWhenSeveralAreBad() {
            server.replaceEntry(900, new byte[] {'{', '}'});
            server.replaceEntry(5, new byte[] {'[', ']'});

            assertThat(verifyWithKey().out()).startsWith("FAILED: first bad index 5:");
        }

        @Test
        void failsWhenABundleTheCheckpointNeedsIsMissing() {
            server.replaceStatus("/ledger/tile/entries/002", 404);

            Outcome outcome = verifyWithKey();

            assertThat(outcome.exitCode()).isEqualTo(1);
            assertThat(outcome.out()).isEqualTo("FAILED: GET ledger/tile/entries/002 answered HTTP 404 (not found)\n");
        }

        @Test
        void failsOnATruncatedEntryBundle() {
            server.replaceBody("/ledger/tile/entries/001", new byte[] {0, 50, '{'});

            Outcome outcome = verifyWithKey();

            assertThat(outcome.exitCode()).isEqualTo(1);
            assertThat(outcome.out()).startsWith("FAILED: tile/entries/001 is malformed:");
        }

        @Test
        void failsWhenTheSignedRootIsNotTheRootOfTheEntries() {
            server.replaceBody("/ledger/checkpoint", signed(new Checkpoint(TestLog.ORIGIN, LOG.size(), new byte[32])));

            Outcome outcome = verifyWithKey();

            assertThat(outcome.exitCode()).isEqualTo(1);
            assertThat(outcome.out()).startsWith("FAILED: root mismatch at size 1000");
        }
    }

    @Nested
    class Signatures {

        @Test
        void rejectsACheckpointWhenTheKeyGivenIsNotTheLogs() {
            Outcome outcome = verify("--key", TestLog.newSigner().verifier().verifierKey());

            assertThat(outcome.exitCode()).isEqualTo(1);
            assertThat(outcome.out()).startsWith("FAILED: checkpoint rejected: note has no signature from a trusted key");
        }

        @Test
        void rejectsACheckpointWhoseSignatureWasAltered() {
            String note = LOG.signedCheckpoint();
            int signatureStart = note.lastIndexOf(' ') + 1;
            char flipped = note.charAt(signatureStart + 10) == 'A' ? 'B' : 'A';
            String altered = note.substring(0, signatureStart + 10) + flipped + note.substring(signatureStart + 11);
            server.replaceBody("/ledger/checkpoint", altered.getBytes(StandardCharsets.UTF_8));

            Outcome outcome = verifyWithKey();

            assertThat(outcome.exitCode()).isEqualTo(1);
            assertThat(outcome.out()).startsWith("FAILED: checkpoint rejected: signature by trusted key").contains("does not verify");
        }

        @Test
        void trustsTheLogsPublishedKeyOnFirstUseWithAWarning() {
            Outcome outcome = verify();

            assertThat(outcome.exitCode()).isZero();
            assertThat(outcome.outLines()).singleElement().asString().matches(okLine(LOG));
            assertThat(outcome.err()).startsWith("WARNING: no --key given, so the log's own key " + LOG.verifierKey()
                    + " is trusted on first use");
        }
    }

    @Nested
    class StateFile {

        private Path stateFile() {
            return directory.resolve("ledger.state");
        }

        @Test
        void recordsTheCheckpointAndTheKeyTrustedOnFirstUse() throws IOException {
            Outcome outcome = verify("--state", stateFile().toString());

            assertThat(outcome.exitCode()).isZero();
            assertThat(outcome.err()).contains("trusted on first use").contains("recorded in " + stateFile());
            assertThat(VerifierState.read(stateFile())).isEqualTo(LOG.state());
        }

        @Test
        void findsTheGrownLogConsistentOnTheNextRun() throws IOException {
            verifyWithKey("--state", stateFile().toString());
            TestLog grown = LOG.grownBy(TestLog.entries(300, "later"));
            server.serve(grown);

            Outcome outcome = verify("--state", stateFile().toString());

            assertThat(outcome.exitCode()).isZero();
            assertThat(outcome.outLines()).hasSize(2);
            assertThat(outcome.outLines().get(0)).matches(okLine(grown));
            assertThat(outcome.outLines().get(1)).isEqualTo("consistent with previous checkpoint of size 1000");
            assertThat(outcome.err()).isEmpty();
            assertThat(VerifierState.read(stateFile())).isEqualTo(grown.state());
        }

        @Test
        void findsAnUnchangedLogConsistent() {
            verifyWithKey("--state", stateFile().toString());

            Outcome outcome = verify("--state", stateFile().toString());

            assertThat(outcome.exitCode()).isZero();
            assertThat(outcome.outLines()).last().isEqualTo("consistent with previous checkpoint of size 1000");
        }

        @Test
        void holdsTheLogToTheKeyPinnedInTheStateFile() throws IOException {
            verify("--state", stateFile().toString());
            server.serve(TestLog.of(TestLog.newSigner(), TestLog.entries(1000, "main")));

            Outcome outcome = verify("--state", stateFile().toString());

            assertThat(outcome.exitCode()).isEqualTo(1);
            assertThat(outcome.out()).startsWith("FAILED: checkpoint rejected: note has no signature from a trusted key");
            assertThat(VerifierState.read(stateFile())).isEqualTo(LOG.state());
        }

        @Test
        void rejectsAForkWithTheSameSizeAndADifferentHistory() throws IOException {
            verifyWithKey("--state", stateFile().toString());
            server.serve(TestLog.of(SIGNER, TestLog.entries(1000, "rewritten")));

            Outcome outcome = verify("--state", stateFile().toString());

            assertThat(outcome.exitCode()).isEqualTo(1);
            assertThat(outcome.out()).startsWith("FAILED: log forked: its first 1000 entries now hash to root ");
            assertThat(VerifierState.read(stateFile())).isEqualTo(LOG.state());
        }

        @Test
        void rejectsAForkThatAlsoGrew() {
            verifyWithKey("--state", stateFile().toString());
            List<byte[]> history = new ArrayList<>(TestLog.entries(1000, "main"));
            history.set(10, "{\"rewritten\":true}".getBytes(StandardCharsets.UTF_8));
            server.serve(TestLog.of(SIGNER, history).grownBy(TestLog.entries(500, "later")));

            Outcome outcome = verify("--state", stateFile().toString());

            assertThat(outcome.exitCode()).isEqualTo(1);
            assertThat(outcome.out()).startsWith("FAILED: log forked:");
        }

        @Test
        void rejectsALogThatShrank() throws IOException {
            verifyWithKey("--state", stateFile().toString());
            server.serve(LOG.prefix(500));

            Outcome outcome = verify("--state", stateFile().toString());

            assertThat(outcome.exitCode()).isEqualTo(1);
            assertThat(outcome.out()).isEqualTo(
                    "FAILED: log shrank: checkpoint size 500 is smaller than the previous checkpoint's size 1000\n");
            assertThat(VerifierState.read(stateFile())).isEqualTo(LOG.state());
        }

        @Test
        void rejectsAConsistencyProofThatDoesNotProve() {
            verifyWithKey("--state", stateFile().toString());
            TestLog grown = LOG.grownBy(TestLog.entries(300, "later"));
            server.serve(grown);
            List<String> wrongProof = grown.consistencyProof(999, 1300).stream().map(Base64.getEncoder()::encodeToString).toList();
            server.replaceBody("/api/v1/ledger/proofs/consistency",
                    ("{\"from\":1000,\"to\":1300,\"proof\":[\"" + String.join("\",\"", wrongProof) + "\"]}")
                            .getBytes(StandardCharsets.UTF_8));

            Outcome outcome = verify("--state", stateFile().toString());

            assertThat(outcome.exitCode()).isEqualTo(1);
            assertThat(outcome.out()).startsWith("FAILED: the log's consistency proof from size 1000 to 1300 does not verify");
        }

        @Test
        void letsTheKeyGivenOverrideTheOneRecordedWithAWarning() throws IOException {
            verifyWithKey("--state", stateFile().toString());
            NoteSigner newSigner = TestLog.newSigner();
            TestLog rekeyed = TestLog.of(newSigner, TestLog.entries(1000, "main"));
            server.serve(rekeyed);

            Outcome outcome = verify("--state", stateFile().toString(), "--key", newSigner.verifier().verifierKey());

            assertThat(outcome.exitCode()).isZero();
            assertThat(outcome.err()).startsWith("WARNING: --key differs from the key recorded in " + stateFile());
            assertThat(VerifierState.read(stateFile())).isEqualTo(rekeyed.state());
        }

        @Test
        void refusesToRunOnAStateFileItCannotReadAndLeavesItAlone() throws IOException {
            Files.writeString(stateFile(), "not a state file\n");

            Outcome outcome = verify("--state", stateFile().toString());

            assertThat(outcome.exitCode()).isEqualTo(2);
            assertThat(outcome.err()).startsWith("ERROR: state file " + stateFile() + " is invalid");
            assertThat(outcome.out()).isEmpty();
            assertThat(Files.readString(stateFile())).isEqualTo("not a state file\n");
        }
    }

    @Nested
    class UsageErrors {

        @ParameterizedTest(name = "[{index}] {0}")
        @ValueSource(strings = {
            "", "check", "verify", "verify --url", "verify --url ftp://example.org", "verify --url not-a-url",
            "verify --url http://127.0.0.1:1 --frobnicate 1", "verify --url http://a --url http://b",
            "verify --url http://127.0.0.1:1 --key not-a-key", "verify --url http://127.0.0.1:1 stray",
        })
        void exitWithCodeTwoAndTheUsageLine(String commandLine) {
            Outcome outcome = run(commandLine.isEmpty() ? new String[0] : commandLine.split(" "));

            assertThat(outcome.exitCode()).isEqualTo(2);
            assertThat(outcome.err()).startsWith("ERROR: ").endsWith(LedgerVerifyCommand.USAGE + "\n");
            assertThat(outcome.out()).isEmpty();
        }

        @Test
        void printsTheUsageLineWhenAskedForHelp() {
            Outcome outcome = run("verify", "--help");

            assertThat(outcome.exitCode()).isZero();
            assertThat(outcome.out()).isEqualTo(LedgerVerifyCommand.USAGE + "\n");
        }
    }

    @Nested
    class NetworkErrors {

        @Test
        void exitWithCodeTwoWhenNothingListens() throws IOException {
            int freePort;
            try (ServerSocket socket = new ServerSocket(0)) {
                freePort = socket.getLocalPort();
            }

            Outcome outcome = run("verify", "--url", "http://127.0.0.1:" + freePort, "--key", LOG.verifierKey());

            assertThat(outcome.exitCode()).isEqualTo(2);
            assertThat(outcome.err()).isEqualTo("ERROR: cannot fetch http://127.0.0.1:" + freePort
                    + "/ledger/checkpoint: connection refused\n");
            assertThat(outcome.out()).isEmpty();
        }

        @Test
        void exitWithCodeTwoWhenTheHostIsUnknown() {
            Outcome outcome = run("verify", "--url", "http://no-such-host.invalid", "--key", LOG.verifierKey());

            assertThat(outcome.exitCode()).isEqualTo(2);
            assertThat(outcome.err()).isEqualTo("ERROR: cannot fetch http://no-such-host.invalid/ledger/checkpoint: unknown host\n");
        }

        @Test
        void exitWithCodeTwoWhenTheServerStopsBeforeTheRun() {
            String url = server.url().toString();
            server.close();

            Outcome outcome = run("verify", "--url", url, "--state", directory.resolve("s").toString());

            assertThat(outcome.exitCode()).isEqualTo(2);
            assertThat(outcome.err()).startsWith("ERROR: ");
            assertThat(directory.resolve("s")).doesNotExist();
        }
    }

    private static byte[] signed(Checkpoint checkpoint) {
        return SIGNER.signNote(checkpoint.toNoteText()).getBytes(StandardCharsets.UTF_8);
    }
}
