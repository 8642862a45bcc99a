package org.commonweal.ledger.verifier;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import org.commonweal.ledger.tlog.NoteSigner;

/**
 * Not a test (nothing here asserts a time): a by-hand measurement of how fast the verifier gets
 * through a large log, to quote a figure. It serves {@code entries} synthetic ~300-byte entries
 * from the in-process {@link InProcessLogServer}, so server and verifier share the machine's cores,
 * times one cold run (what a one-shot command line run gets: the JIT has compiled nothing yet),
 * then {@code runs} warm runs.
 * It also prints the process's CPU time per run: on a shared machine that says more than the
 * wall clock about what two dedicated cores would do.
 *
 * <pre>
 * mvn -q test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
 * java -cp target/classes:target/test-classes:$(cat target/test-classpath.txt) \
 *     org.commonweal.ledger.verifier.VerifierThroughput [entries, default 1000000] [runs, default 5]
 * </pre>
 */
public final class VerifierThroughput {

    private VerifierThroughput() {
    }

    public static void main(String[] args) throws Exception {
        int entryCount = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;

        long buildStart = System.nanoTime();
        List<byte[]> entries = TestLog.entries(entryCount, "throughput", 205);
        long bytes = entries.stream().mapToLong(entry -> entry.length).sum();
        NoteSigner signer = TestLog.newSigner();
        TestLog log = TestLog.of(signer, entries);
        System.out.printf("built a log of %d entries, %.0f bytes each on average, in %.1f s; %d cores available%n",
                entryCount, (double) bytes / entryCount, (System.nanoTime() - buildStart) / 1e9,
                Runtime.getRuntime().availableProcessors());

        log.cacheAllResources();
        try (InProcessLogServer server = InProcessLogServer.serving(log);
                LedgerVerifier verifier = new LedgerVerifier(server.url())) {
            // What a one-shot command line run gets: nothing of the verifier is JIT-compiled yet.
            VerificationResult cold = verifier.verify(signer.verifier(), null);
            System.out.printf("cold first run: %s, %d entries in %d ms = %d entries/s%n",
                    cold.ok() ? "ok" : "FAILED " + cold.message(), cold.entriesVerified(), cold.elapsed().toMillis(),
                    cold.entriesPerSecond());
            List<Long> rates = new ArrayList<>();
            List<Double> verifierCpuSeconds = new ArrayList<>();
            for (int run = 1; run <= runs; run++) {
                long cpuBefore = processCpuNanos();
                long serverCpuBefore = serverCpuNanos();
                VerificationResult result = verifier.verify(signer.verifier(), null);
                double serverCpuSeconds = (serverCpuNanos() - serverCpuBefore) / 1e9;
                double cpuSeconds = (processCpuNanos() - cpuBefore) / 1e9 - serverCpuSeconds;
                if (!result.ok()) {
                    throw new IllegalStateException("verification failed: " + result.message());
                }
                rates.add(result.entriesPerSecond());
                System.out.printf("run %d: %d entries in %d ms = %d entries/s (%.0f MB/s of entries); "
                        + "CPU: %.2f s verifier (JIT and GC included), %.2f s server%n", run, result.entriesVerified(),
                        result.elapsed().toMillis(), result.entriesPerSecond(), bytes / 1e6 / (result.elapsed().toNanos() / 1e9),
                        cpuSeconds, serverCpuSeconds);
                verifierCpuSeconds.add(cpuSeconds);
            }
            List<Long> sorted = rates.stream().sorted().toList();
            System.out.printf("median %d entries/s, best %d entries/s%n", sorted.get(sorted.size() / 2), sorted.getLast());
            double medianCpu = verifierCpuSeconds.stream().sorted().toList().get(verifierCpuSeconds.size() / 2);
            System.out.printf("verifier CPU: median %.2f CPU-s per run, i.e. %.0f entries/s on 2 cores it had to itself%n",
                    medianCpu, 2 * entryCount / medianCpu);
        }
    }

    // The fake server's handler threads and the JDK server's dispatcher thread.
    private static long serverCpuNanos() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long total = 0;
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && (info.getThreadName().startsWith(InProcessLogServer.THREAD_NAME_PREFIX)
                    || info.getThreadName().startsWith("HTTP-Dispatcher"))) {
                total += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
            }
        }
        return total;
    }

    // CPU time is less at the mercy of other processes on the machine than wall-clock time is.
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
