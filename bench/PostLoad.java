import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongFunction;

import org.commonweal.platform.http.Http11Client;

/**
 * An HTTP load generator for form POSTs: a closed loop (C clients, each sending its next request
 * when the last one answered) and an open loop (requests started on a fixed schedule whether or not
 * earlier ones answered, so a slow server shows as latency instead of quietly lowering the rate).
 * Only answers to requests started after the warm-up are counted; any status but 200 is an error.
 */
final class PostLoad {

    /** The most requests an open loop keeps in flight; past that the server is not keeping up. */
    static final int MAX_IN_FLIGHT = 2_000;

    private final String base;
    /** The platform's own keep-alive HTTP/1.1 client (the JDK's HttpClient took a third of the JVM's CPU). */
    private Http11Client http = newClient();
    /** Every request of this generator gets its own number, so no two bodies are alike. */
    private final AtomicLong sequence = new AtomicLong();
    /** 200 answers per path over the generator's life, warm-up included (for the evidence check). */
    private final java.util.Map<String, AtomicLong> accepted = new java.util.concurrent.ConcurrentHashMap<>();

    PostLoad(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    long accepted(String path) {
        return accepted.getOrDefault(path, new AtomicLong()).get();
    }

    /** What one measured run gave. Latencies are sorted nanoseconds of the counted requests. */
    record Run(String label, double seconds, long[] nanos, long errors, long notSent, List<String> firstErrors) {

        double perSecond() {
            return nanos.length / seconds;
        }

        double millis(double quantile) {
            if (nanos.length == 0) {
                return Double.NaN;
            }
            return nanos[(int) Math.min(nanos.length - 1, Math.floor(quantile * nanos.length))] / 1e6;
        }

        double maxMillis() {
            return nanos.length == 0 ? Double.NaN : nanos[nanos.length - 1] / 1e6;
        }

        String summary() {
            return String.format("%-34s %,8.0f req/s  p50 %7.2f ms  p99 %7.2f ms  max %8.2f ms  errors %d%s",
                    label, perSecond(), millis(0.50), millis(0.99), maxMillis(), errors,
                    notSent > 0 ? "  not sent (backlog) " + notSent : "");
        }
    }

    /** C clients in a closed loop for warm-up plus the measured time. */
    Run closedLoop(String label, String path, LongFunction<String> body, int clients, Duration warmUp, Duration measured)
            throws InterruptedException {
        freshConnections();
        long start = System.nanoTime();
        long countFrom = start + warmUp.toNanos();
        long end = countFrom + measured.toNanos();
        Recorder recorder = new Recorder();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            threads.add(Thread.ofVirtual().start(() -> {
                LongList mine = new LongList();
                long now;
                while ((now = System.nanoTime()) < end) {
                    long began = now;
                    int status = send(path, body.apply(sequence.getAndIncrement()), recorder);
                    long took = System.nanoTime() - began;
                    if (began >= countFrom) {
                        if (status == 200) {
                            mine.add(took);
                        } else {
                            recorder.errors.incrementAndGet();
                        }
                    }
                }
                recorder.latencies.add(mine);
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        return recorder.run(label, measured, 0);
    }

    /**
     * Requests started at a fixed rate for warm-up plus the measured time. Each latency is counted
     * from the moment the request was due, so time spent waiting for a free client counts too.
     */
    Run openLoop(String label, String path, LongFunction<String> body, int perSecond, Duration warmUp, Duration measured)
            throws InterruptedException {
        freshConnections();
        long interval = 1_000_000_000L / perSecond;
        long start = System.nanoTime() + 10_000_000L;
        long countFrom = start + warmUp.toNanos();
        long end = countFrom + measured.toNanos();
        Recorder recorder = new Recorder();
        Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
        ConcurrentLinkedQueue<Long> counted = new ConcurrentLinkedQueue<>();
        long notSent = 0;
        for (long i = 0; ; i++) {
            long due = start + i * interval;
            if (due >= end) {
                break;
            }
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            boolean counts = due >= countFrom;
            if (!inFlight.tryAcquire()) {
                if (counts) {
                    notSent++;
                }
                continue;
            }
            String form = body.apply(sequence.getAndIncrement());
            Thread.ofVirtual().start(() -> {
                try {
                    int status = send(path, form, recorder);
                    long took = System.nanoTime() - due;
                    if (counts) {
                        if (status == 200) {
                            counted.add(took);
                        } else {
                            recorder.errors.incrementAndGet();
                        }
                    }
                } finally {
                    inFlight.release();
                }
            });
        }
        inFlight.acquire(MAX_IN_FLIGHT); // every request answered
        inFlight.release(MAX_IN_FLIGHT);
        LongList all = new LongList();
        counted.forEach(all::add);
        recorder.latencies.add(all);
        return recorder.run(label, measured, notSent);
    }

    private int send(String path, String form, Recorder recorder) {
        byte[] content = form.getBytes(StandardCharsets.UTF_8);
        try {
            Http11Client.Response answer = http.send("POST", URI.create(base + path), Map.of(
                    "Content-Type", "application/x-www-form-urlencoded", "Accept", "application/json"),
                    new ByteArrayInputStream(content), content.length);
            String body;
            try (InputStream in = answer.body()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (answer.status() == 200) {
                accepted.computeIfAbsent(path, p -> new AtomicLong()).incrementAndGet();
            } else {
                recorder.error(answer.status() + " " + abbreviate(body));
            }
            return answer.status();
        } catch (IOException e) {
            recorder.error("I/O: " + e);
            return -1;
        }
    }

    /**
     * Each run starts on new connections: between runs the server may close idle ones, and a POST
     * that fails on a closed connection is not sent again (the server may have taken it).
     */
    private void freshConnections() {
        http.close();
        http = newClient();
    }

    private static Http11Client newClient() {
        return new Http11Client(Duration.ofSeconds(10), Duration.ofSeconds(60));
    }

    private static String abbreviate(String body) {
        return body.length() > 300 ? body.substring(0, 300) + "…" : body;
    }

    /** Latencies and errors of one run, gathered from many threads. */
    private static final class Recorder {
        final ConcurrentLinkedQueue<LongList> latencies = new ConcurrentLinkedQueue<>();
        final AtomicLong errors = new AtomicLong();
        final List<String> firstErrors = Collections.synchronizedList(new ArrayList<>());

        void error(String description) {
            if (firstErrors.size() < 5) {
                firstErrors.add(description);
            }
        }

        Run run(String label, Duration measured, long notSent) {
            int total = latencies.stream().mapToInt(LongList::size).sum();
            long[] all = new long[total];
            int at = 0;
            for (LongList list : latencies) {
                System.arraycopy(list.values, 0, all, at, list.size);
                at += list.size;
            }
            Arrays.sort(all);
            return new Run(label, measured.toNanos() / 1e9, all, errors.get(), notSent, List.copyOf(firstErrors));
        }
    }

    /** A growable array of longs: a million latencies without a million boxes. */
    static final class LongList {
        long[] values = new long[1024];
        int size;

        void add(long value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        int size() {
            return size;
        }
    }
}
