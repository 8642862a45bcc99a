package org.commonweal.ledger;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.commonweal.ledger.internal.LedgerKeys;
import org.commonweal.ledger.internal.LedgerStore;
import org.commonweal.ledger.verifier.LedgerVerifyCommand;
import org.commonweal.support.CommonwealIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** The verifier command against the real running application: it passes, follows growth, and catches tampering. */
@CommonwealIntegrationTest
class LedgerVerifierIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    LedgerKeys keys;

    @Autowired
    LedgerStore store;

    @Autowired
    Ledger ledger;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    @Test
    void verifiesTheLiveLogFollowsItsGrowthAndNamesATamperedEntry() throws Exception {
        Path state = Files.createTempFile(Path.of("target"), "verifier-state-", ".txt");
        Files.delete(state);
        awaitIntegrated();

        Run first = verify("--state", state.toString());
        assertThat(first.exitCode()).as(first.output()).isZero();
        assertThat(first.output()).startsWith("OK ");

        transactions.executeWithoutResult(status -> ledger.record(Evidence.of("test.verified_growth", "growth", "system")));
        awaitIntegrated();
        Run second = verify("--state", state.toString());
        assertThat(second.exitCode()).as(second.output()).isZero();
        assertThat(second.output()).contains("consistent with previous checkpoint of size");

        long victim = 2;
        byte[] original = StoredEvidence.tamper(jdbc, victim, entry -> entry.replace("identity", "forged"));
        try {
            Run tampered = verify("--state", state.toString());
            assertThat(tampered.exitCode()).isEqualTo(1);
            assertThat(tampered.output()).contains("FAILED").contains("first bad index " + victim);
        } finally {
            StoredEvidence.restore(jdbc, victim, original);
        }
    }

    @Test
    void refusesAWrongKeyAndAnUnreachableServer() {
        Run wrongKey = run("verify", "--url", "http://localhost:" + port,
                "--key", org.commonweal.ledger.tlog.NoteKeys.generate("other.example/ledger").verifierKey());
        assertThat(wrongKey.exitCode()).isEqualTo(1);
        Run unreachable = run("verify", "--url", "http://127.0.0.1:1", "--key", keys.verifier().verifierKey());
        assertThat(unreachable.exitCode()).isEqualTo(2);
        assertThat(run("verify").exitCode()).isEqualTo(2);
    }

    private record Run(int exitCode, String output) {
    }

    private Run verify(String... extra) {
        String[] args = new String[5 + extra.length];
        args[0] = "verify";
        args[1] = "--url";
        args[2] = "http://localhost:" + port;
        args[3] = "--key";
        args[4] = keys.verifier().verifierKey();
        System.arraycopy(extra, 0, args, 5, extra.length);
        return run(args);
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = LedgerVerifyCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(out, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8));
    }

    private void awaitIntegrated() {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> store.pendingCount() == 0);
    }
}
