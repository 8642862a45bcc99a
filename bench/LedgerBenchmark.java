import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.commonweal.CommonwealApplication;
import org.commonweal.ledger.Evidence;
import org.commonweal.ledger.Ledger;
import org.commonweal.ledger.internal.LedgerKeys;
import org.commonweal.ledger.internal.LedgerStore;
import org.commonweal.ledger.internal.Sequencer;
import org.commonweal.ledger.tlog.Checkpoint;
import org.commonweal.ledger.tlog.InMemoryHashStore;
import org.commonweal.ledger.tlog.MerkleHash;
import org.commonweal.ledger.tlog.StoredHash;
import org.postgresql.PGConnection;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One run, one machine, one PostgreSQL: the ledger against its own raw ceiling. Prints figures and
 * ratios; asserts nothing. See README "Ledger performance" for how to read them.
 */
public class LedgerBenchmark {

    static final int WRITERS = 4;
    static final int ROWS_PER_TRANSACTION = 100;
    static final int ENTRY_BYTES = 300;

    public static void main(String[] args) throws Exception {
        int appends = Integer.parseInt(args[0]);
        long proofEntries = Long.parseLong(args[1]);
        Path data = Files.createTempDirectory("ledger-bench");
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(CommonwealApplication.class).run(
                "--server.port=0", "--server.address=127.0.0.1", "--commonweal.database.directory=" + data,
                "--commonweal.demo.enabled=false", "--commonweal.identity.admin-password=bench-admin-password",
                "--commonweal.ledger.audit-initial-delay=1000h", "--logging.level.root=WARN")) {
            Bench bench = new Bench(app);
            System.out.printf("%nLedger benchmark: %d appends of ~%d-byte entries by %d writers (%d per transaction), "
                    + "durable commits, on %d cores%n", appends, ENTRY_BYTES, WRITERS, ROWS_PER_TRANSACTION,
                    Runtime.getRuntime().availableProcessors());
            double raw = bench.rawAppends(appends);
            Bench.Appends ledger = bench.ledgerAppends(appends, 0);
            System.out.printf("  raw ceiling (same rows, same batches, no tree):  %,10.0f entries/s%n", raw);
            System.out.printf("  ledger (tree hashes + signed checkpoints):        %,10.0f entries/s%n", ledger.perSecond());
            System.out.printf("  ratio ledger / raw:                               %10.2f   (target >= 0.80)%n", ledger.perSecond() / raw);
            System.out.printf("  commit -> signed checkpoint at full speed (queueing):  p50 %d ms, p99 %d ms%n",
                    ledger.latency(0.50), ledger.latency(0.99));
            Bench.Appends steady = bench.ledgerAppends(50_000, 5_000);
            System.out.printf("  commit -> signed checkpoint at a steady 5,000 entries/s: p50 %d ms, p99 %d ms, max %d ms"
                    + "   (target p99 <= 1000 ms)%n", steady.latency(0.50), steady.latency(0.99), steady.latency(1.0));
            bench.verifier();
            if (proofEntries > 0) {
                bench.bulkLoadTo(Math.min(proofEntries, 1_000_000));
                bench.verifier();
                bench.bulkLoadTo(proofEntries);
                bench.inclusionProofs(20_000, 1);
                bench.inclusionProofs(20_000, 4);
                bench.inclusionProofs(20_000, 16);
                // After the proofs: reading every bundle pushes the tree hashes out of PostgreSQL's cache.
                bench.verifier();
            }
        }
    }

    static final class Bench {
        private final ConfigurableApplicationContext app;
        private final JdbcTemplate jdbc;
        private final TransactionTemplate transactions;
        private final Ledger ledger;
        private final LedgerStore store;
        private final LedgerKeys keys;
        private final String origin;
        private final int port;

        Bench(ConfigurableApplicationContext app) {
            this.app = app;
            this.jdbc = app.getBean(JdbcTemplate.class);
            this.transactions = app.getBean(TransactionTemplate.class);
            this.ledger = app.getBean(Ledger.class);
            this.store = app.getBean(LedgerStore.class);
            this.keys = app.getBean(LedgerKeys.class);
            this.origin = app.getEnvironment().getProperty("commonweal.ledger.origin", "commonweal.localhost/ledger");
            this.port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
        }

        record Appends(double perSecond, long[] latenciesMillis) {
            long latency(double quantile) {
                return latenciesMillis[(int) Math.min(latenciesMillis.length - 1, Math.floor(quantile * latenciesMillis.length))];
            }
        }

        /** The same rows in the same batches through a pending table into the entry and bundle tables, with no tree work. */
        double rawAppends(int appends) throws Exception {
            jdbc.execute("CREATE TABLE bench_pending (LIKE ledger_pending INCLUDING ALL)");
            jdbc.execute("CREATE TABLE bench_entry (LIKE ledger_entry INCLUDING ALL)");
            jdbc.execute("CREATE TABLE bench_bundle (LIKE ledger_bundle INCLUDING ALL)");
            byte[] noHashes = new byte[32];
            AtomicLong moved = new AtomicLong();
            long start = System.nanoTime();
            Thread mover = Thread.ofPlatform().start(() -> {
                while (moved.get() < appends) {
                    int n = transactions.execute(status -> {
                        List<Map<String, Object>> rows = jdbc.queryForList(
                                "SELECT id, entry, type, subject FROM bench_pending ORDER BY id LIMIT 10000 FOR UPDATE SKIP LOCKED");
                        long first = moved.get();
                        List<Object[]> entries = new ArrayList<>();
                        for (int i = 0; i < rows.size(); i++) {
                            Map<String, Object> row = rows.get(i);
                            entries.add(new Object[]{first + i, row.get("type"), row.get("subject"), noHashes});
                        }
                        jdbc.batchUpdate("INSERT INTO bench_entry (idx, type, subject, hashes) VALUES (?, ?, ?, ?)", entries);
                        jdbc.batchUpdate(LedgerStore.APPEND_TO_BUNDLE.replace("ledger_bundle", "bench_bundle"), LedgerStore.bundleAppends(
                                first, rows.stream().map(row -> (byte[]) row.get("entry")).toList()));
                        jdbc.batchUpdate("DELETE FROM bench_pending WHERE id = ?", rows.stream().map(r -> new Object[]{r.get("id")}).toList());
                        return rows.size();
                    });
                    moved.addAndGet(n);
                    if (n < 10000) {
                        sleep(100); // the sequencer's default interval
                    }
                }
            });
            // one INSERT per record, as Ledger.record does it inside each module's transaction
            write(appends, 0, (batch, subject) -> batch.forEach(note -> jdbc.update(
                    "INSERT INTO bench_pending (entry, type, subject, recorded_at) VALUES (?, 'bench.append', ?, now())",
                    canonical(note, subject), subject)));
            mover.join();
            return appends / ((System.nanoTime() - start) / 1e9);
        }

        /**
         * The same load through Ledger.record, integrated by the real (scheduled) sequencer, as fast
         * as the writers can go or paced at {@code perSecond} entries per second.
         */
        Appends ledgerAppends(int appends, int perSecond) throws Exception {
            long target = store.latestCheckpoint().orElseThrow().size() + appends;
            ConcurrentLinkedQueue<Object[]> commits = new ConcurrentLinkedQueue<>();
            long start = System.nanoTime();
            write(appends, perSecond, (batch, subject) -> {
                for (String note : batch) {
                    ledger.record(new Evidence("bench.append", subject, "system", Map.of("note", note)));
                }
                org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
                        new org.springframework.transaction.support.TransactionSynchronization() {
                            @Override
                            public void afterCommit() {
                                commits.add(new Object[]{subject, System.currentTimeMillis()});
                            }
                        });
            });
            while (store.latestCheckpoint().orElseThrow().size() < target) {
                sleep(5);
            }
            double achieved = appends / ((System.nanoTime() - start) / 1e9);
            long[] latencies = commits.stream().mapToLong(commit -> {
                Timestamp signed = jdbc.queryForObject("SELECT min(c.signed_at) FROM ledger_checkpoint c"
                        + " WHERE c.size > (SELECT max(idx) FROM ledger_entry WHERE subject = ?)", Timestamp.class, commit[0]);
                return Math.max(0, signed.getTime() - (long) commit[1]);
            }).sorted().toArray();
            return new Appends(achieved, latencies);
        }

        /**
         * The verifier command as a user runs it: its own JVM, started cold (JIT compilation
         * included), against the application over loopback HTTP, both on the same two cores.
         */
        void verifier() throws Exception {
            long size = store.latestCheckpoint().orElseThrow().size();
            System.out.printf("  verifier command over the %,d-entry log (its own JVM, downloads every entry bundle over HTTP):%n    ", size);
            Process command = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), CommonwealApplication.class.getName(), "ledger", "verify",
                    "--url", "http://127.0.0.1:" + port, "--key", keys.verifier().verifierKey())
                    .redirectErrorStream(true).start();
            String output = new String(command.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            command.waitFor();
            System.out.print(output.lines().filter(line -> line.startsWith("OK") || line.startsWith("FAILED"))
                    .findFirst().orElse("no verdict, exit code " + command.exitValue() + ": " + output) + "\n");
        }

        /** Writes synthetic entries straight into the log (COPY), with their tree hashes, and signs the new size. */
        void bulkLoadTo(long targetSize) throws Exception {
            long size = store.latestCheckpoint().orElseThrow().size();
            if (size >= targetSize) {
                return;
            }
            long start = System.nanoTime();
            InMemoryHashStore tree = new InMemoryHashStore();
            List<byte[]> existing = store.entries(0, size).stream().map(LedgerStore.StoredEntry::leafHash).toList();
            tree.appendLeafHashes(existing);
            DataSource dataSource = app.getBean(DataSource.class);
            try (Connection connection = dataSource.getConnection()) {
                var copy = connection.unwrap(PGConnection.class).getCopyAPI();
                while (size < targetSize) {
                    int chunk = (int) Math.min(100_000, targetSize - size);
                    List<byte[]> entries = new ArrayList<>(chunk);
                    for (int i = 0; i < chunk; i++) {
                        entries.add(entry(size + i));
                    }
                    List<StoredHash> added = tree.appendLeafHashes(entries.stream().map(MerkleHash::leafHash).toList());
                    copy.copyIn("COPY ledger_entry (idx, type, subject, hashes) FROM STDIN (FORMAT binary)",
                            new java.io.ByteArrayInputStream(binaryCopy(size, Sequencer.hashesPerEntry(size, chunk, added))));
                    jdbc.batchUpdate(LedgerStore.APPEND_TO_BUNDLE, LedgerStore.bundleAppends(size, entries));
                    size += chunk;
                }
            }
            byte[] root = new org.commonweal.ledger.tlog.StoredTree(tree).rootHash(size);
            String note = keys.signer().signNote(new Checkpoint(origin, size, root).toNoteText());
            jdbc.update("INSERT INTO ledger_checkpoint (size, root, note, signed_at) VALUES (?, ?, ?, now())", size, root, note);
            jdbc.execute("ANALYZE ledger_entry");
            jdbc.execute("ANALYZE ledger_bundle");
            System.out.printf("  bulk-loaded the log to %,d entries in %.0f s%n", size, (System.nanoTime() - start) / 1e9);
        }

        /** A load generator over real HTTP: random inclusion proofs against the latest checkpoint. */
        void inclusionProofs(int requests, int concurrency) throws Exception {
            long size = store.latestCheckpoint().orElseThrow().size();
            try (HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
                run(http, size, 2_000, concurrency); // warm-up
                long start = System.nanoTime();
                long[] latencies = run(http, size, requests, concurrency);
                double seconds = (System.nanoTime() - start) / 1e9;
                Arrays.sort(latencies);
                System.out.printf("  inclusion proof over HTTP with %,d entries: p50 %.2f ms, p99 %.2f ms, %,.0f requests/s"
                                + " (%d concurrent)   (target p99 <= 5 ms)%n", size, latencies[requests / 2] / 1e6,
                        latencies[(int) (requests * 0.99)] / 1e6, requests / seconds, concurrency);
            }
        }

        private long[] run(HttpClient http, long size, int requests, int concurrency) throws Exception {
            long[] latencies = new long[requests];
            AtomicLong next = new AtomicLong();
            try (ExecutorService clients = Executors.newFixedThreadPool(concurrency)) {
                for (int c = 0; c < concurrency; c++) {
                    clients.submit(() -> {
                        for (long i = next.getAndIncrement(); i < requests; i = next.getAndIncrement()) {
                            long index = ThreadLocalRandom.current().nextLong(size);
                            long begin = System.nanoTime();
                            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(
                                    "http://127.0.0.1:" + port + "/api/v1/ledger/proofs/inclusion?index=" + index + "&size=" + size))
                                    .build(), HttpResponse.BodyHandlers.ofByteArray());
                            latencies[(int) i] = System.nanoTime() - begin;
                            if (response.statusCode() != 200) {
                                throw new IllegalStateException("proof " + index + " answered " + response.statusCode());
                            }
                        }
                        return null;
                    });
                }
            }
            return latencies;
        }

        interface BatchWriter {
            void write(List<String> batch, String subject) throws Exception;
        }

        /**
         * WRITERS threads, each committing ROWS_PER_TRANSACTION entries per transaction, until appends
         * are written; with {@code perSecond > 0} each batch waits for its turn on that schedule.
         */
        private void write(int appends, int perSecond, BatchWriter writer) throws Exception {
            AtomicLong batches = new AtomicLong();
            long total = appends / ROWS_PER_TRANSACTION;
            long start = System.nanoTime();
            try (ExecutorService writers = Executors.newFixedThreadPool(WRITERS)) {
                for (int w = 0; w < WRITERS; w++) {
                    writers.submit(() -> {
                        for (long b = batches.getAndIncrement(); b < total; b = batches.getAndIncrement()) {
                            List<String> batch = new ArrayList<>(ROWS_PER_TRANSACTION);
                            for (int i = 0; i < ROWS_PER_TRANSACTION; i++) {
                                batch.add(note(b * ROWS_PER_TRANSACTION + i));
                            }
                            if (perSecond > 0) {
                                long due = start + b * ROWS_PER_TRANSACTION * 1_000_000_000L / perSecond;
                                sleep(Math.max(0, (due - System.nanoTime()) / 1_000_000));
                            }
                            String subject = "bench-batch-" + perSecond + "-" + b;
                            transactions.executeWithoutResult(status -> {
                                try {
                                    writer.write(batch, subject);
                                } catch (Exception e) {
                                    throw new IllegalStateException(e);
                                }
                            });
                        }
                        return null;
                    });
                }
            }
        }

        /** A detail that makes the canonical entry about 300 bytes (type, time, subject and actor add ~130). */
        private static String note(long n) {
            return "sha256:" + String.format("%064x", n * 0x9E3779B97F4A7C15L) + " " + "x".repeat(ENTRY_BYTES - 210);
        }

        /** Exactly the entry Ledger.record would write, for the raw ceiling. */
        private static byte[] canonical(String note, String subject) {
            return org.commonweal.ledger.tlog.CanonicalJson.toUtf8(Map.of("type", "bench.append",
                    "at", java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS).toString(),
                    "subject", subject, "actor", "system", "note", note));
        }

        private static byte[] entry(long index) {
            return ("{\"actor\":\"system\",\"at\":\"2026-11-26T00:00:00.000Z\",\"digest\":\"sha256:" + String.format("%064x", index)
                    + "\",\"note\":\"" + "x".repeat(ENTRY_BYTES - 200) + "\",\"subject\":\"bulk-" + index + "\",\"type\":\"bench.bulk\"}")
                    .getBytes(StandardCharsets.UTF_8);
        }

        /** PostgreSQL's binary COPY format for ledger_entry rows (the entries themselves go to their bundles). */
        private static byte[] binaryCopy(long firstIndex, List<byte[]> hashes) throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(hashes.size() * 200);
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeBytes("PGCOPY\n");
            out.write(new byte[]{(byte) 0xFF, '\r', '\n', 0});
            out.writeInt(0);
            out.writeInt(0);
            for (int i = 0; i < hashes.size(); i++) {
                long index = firstIndex + i;
                byte[] type = "bench.bulk".getBytes(StandardCharsets.UTF_8);
                byte[] subject = ("bulk-" + index).getBytes(StandardCharsets.UTF_8);
                out.writeShort(4);
                out.writeInt(8);
                out.writeLong(index);
                field(out, type);
                field(out, subject);
                field(out, hashes.get(i));
            }
            out.writeShort(-1);
            return bytes.toByteArray();
        }

        private static void field(DataOutputStream out, byte[] value) throws IOException {
            out.writeInt(value.length);
            out.write(value);
        }

        private static void sleep(long millis) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
