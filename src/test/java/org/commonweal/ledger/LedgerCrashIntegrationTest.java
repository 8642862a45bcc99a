package org.commonweal.ledger;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.commonweal.ledger.tlog.Checkpoint;
import org.commonweal.ledger.tlog.NoteVerifier;
import org.commonweal.ledger.tlog.ProofVerifier;
import org.commonweal.support.AppProcess;
import org.commonweal.support.WebSession;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kill the application with SIGKILL while evidence streams in: after a restart every committed
 * action has its entry in the tree, and the new checkpoint is consistent with the last one the log
 * published before the crash.
 */
class LedgerCrashIntegrationTest {

    private static final String SIGNER = "PRIVATE+KEY+test.commonweal.localhost/ledger+49db4df9+AaqSznTne438vMM+S7apJ7z26w3LMYmLtQU6DVghFbEj";
    private static final String VERIFIER = "test.commonweal.localhost/ledger+49db4df9+AV4xj1Dpt6hjFKijmxBMgaqMtoR5JO2bhar4TqStRlOK";
    private static final String SECRET = "crash-test-digest-secret";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void everyCommittedActionIsInTheTreeAfterAKillAndTheLogStaysConsistent() throws Exception {
        Path data = Files.createTempDirectory(Path.of("target"), "crash-");
        int port = AppProcess.freePort();
        int databasePort = AppProcess.freePort();
        String[] settings = {"--commonweal.demo.enabled=false", "--commonweal.identity.admin-password=crash-admin-password",
                "--commonweal.ledger.origin=test.commonweal.localhost/ledger", "--commonweal.ledger.signer-key=" + SIGNER,
                "--commonweal.ledger.digest-secret=" + SECRET, "--commonweal.ledger.sequencer-interval=20ms"};
        Set<String> confirmed = ConcurrentHashMap.newKeySet();
        Checkpoint beforeCrash;
        try (AppProcess app = new AppProcess(data, port, databasePort, settings).start()) {
            AtomicBoolean streaming = new AtomicBoolean(true);
            AtomicInteger next = new AtomicInteger();
            ExecutorService citizens = Executors.newFixedThreadPool(4);
            for (int t = 0; t < 4; t++) {
                citizens.submit(() -> {
                    while (streaming.get()) {
                        String username = "crash." + next.incrementAndGet();
                        if (register(app, username)) {
                            confirmed.add(username);
                        }
                    }
                    return null;
                });
            }
            Thread.sleep(4_000);
            beforeCrash = checkpoint(app);
            Thread.sleep(300);
            app.kill();
            streaming.set(false);
            citizens.shutdownNow();
        }
        assertThat(confirmed).as("registrations confirmed before the kill").hasSizeGreaterThan(5);
        assertThat(beforeCrash.size()).isPositive();

        try (AppProcess app = new AppProcess(data, port, databasePort, settings).start();
             Connection db = connect(databasePort)) {
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> count(db, "SELECT count(*) FROM ledger_pending") == 0);
            List<String> committed = new ArrayList<>();
            // only this run's accounts: in CI the external database is shared with the other test classes
            try (ResultSet rows = db.createStatement().executeQuery("SELECT id, username FROM identity_account WHERE username LIKE 'crash.%'")) {
                while (rows.next()) {
                    committed.add(rows.getString(1));
                    confirmed.remove(rows.getString(2));
                }
            }
            assertThat(confirmed).as("every confirmed registration survived").isEmpty();
            for (String accountId : committed) {
                try (var query = db.prepareStatement("SELECT count(*) FROM ledger_entry WHERE subject = ? AND type = 'identity.roles_changed'")) {
                    query.setString(1, pseudonym("account:" + accountId));
                    ResultSet result = query.executeQuery();
                    result.next();
                    assertThat(result.getInt(1)).as("evidence of account %s", accountId).isEqualTo(1);
                }
            }

            Checkpoint afterRestart = checkpoint(app);
            assertThat(afterRestart.size()).isGreaterThanOrEqualTo(beforeCrash.size());
            if (afterRestart.size() > beforeCrash.size()) {
                JsonNode proof = json.readTree(get(app, "/api/v1/ledger/proofs/consistency?from=" + beforeCrash.size()
                        + "&to=" + afterRestart.size()));
                ProofVerifier.verifyConsistency(beforeCrash.size(), afterRestart.size(),
                        proof.get("proof").valueStream().map(h -> Base64.getDecoder().decode(h.asString())).toList(),
                        beforeCrash.rootHash(), afterRestart.rootHash());
            }
        }
    }

    private boolean register(AppProcess app, String username) {
        try (HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build()) {
            String form = http.send(HttpRequest.newBuilder(URI.create(app.url("/register"))).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Matcher token = CSRF.matcher(form);
            if (!token.find()) {
                return false;
            }
            String body = WebSession.encode(java.util.Map.of("_csrf", token.group(1), "username", username,
                    "displayName", "Crash", "password", "crash-password-1", "confirmPassword", "crash-password-1"));
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(app.url("/register")))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 302;
        } catch (Exception killed) {
            return false; // the server died mid-request: this registration was never confirmed
        }
    }

    private Checkpoint checkpoint(AppProcess app) throws Exception {
        return Checkpoint.verifyAndParse(get(app, "/ledger/checkpoint"), List.of(NoteVerifier.fromVerifierKey(VERIFIER)));
    }

    private static String get(AppProcess app, String path) throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(HttpRequest.newBuilder(URI.create(app.url(path))).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).body();
        }
    }

    /** The application's own database: embedded on a fixed port, or the external one CI names. */
    private static Connection connect(int databasePort) throws Exception {
        String external = System.getenv("SPRING_DATASOURCE_URL");
        return external != null
                ? DriverManager.getConnection(external, System.getenv("SPRING_DATASOURCE_USERNAME"), System.getenv("SPRING_DATASOURCE_PASSWORD"))
                : DriverManager.getConnection("jdbc:postgresql://localhost:" + databasePort + "/commonweal", "postgres", "");
    }

    private static long count(Connection db, String sql) throws Exception {
        try (ResultSet result = db.createStatement().executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    private static String pseudonym(String value) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "hmac-sha256:" + HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
    }
}
