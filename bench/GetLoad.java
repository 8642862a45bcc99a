import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongFunction;

/**
 * A GET load generator for the exchange benchmark, the same for direct and gateway calls: a closed
 * loop (C clients, each sending its next request when the last one answered) and an open loop
 * (requests due on a fixed schedule; latency counted from when each was due). Only answers to
 * requests started after the warm-up count; any status but 200 is an error. Bodies are read whole.
 */
final class GetLoad {

    static final int MAX_IN_FLIGHT = 2_000;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final AtomicLong sequence = new AtomicLong();
    final AtomicLong sent = new AtomicLong();

    record Target(String label, LongFunction<String> url, Map<String, String> headers) {
    }

    record Run(String label, double seconds, long[] nanos, long errors, long notSent, List<String> firstErrors) {

        double perSecond() {
            return nanos.length / seconds;
        }

        double millis(double quantile) {
            return nanos.length == 0 ? Double.NaN
                    : nanos[(int) Math.min(nanos.length - 1, Math.floor(quantile * nanos.length))] / 1e6;
        }

        String summary() {
            return String.format("%-44s %,8.0f calls/s  p50 %6.2f ms  p99 %6.2f ms  errors %d%s%s", label, perSecond(),
                    millis(0.5), millis(0.99), errors, notSent > 0 ? "  not sent " + notSent : "",
                    firstErrors.isEmpty() ? "" : "  first: " + firstErrors.getFirst());
        }
    }

    Run closedLoop(Target target, int clients, Duration warmUp, Duration measured) throws InterruptedException {
        long start = System.nanoTime();
        long countFrom = start + warmUp.toNanos();
        long end = countFrom + measured.toNanos();
        ConcurrentLinkedQueue<long[]> all = new ConcurrentLinkedQueue<>();
        AtomicLong errors = new AtomicLong();
        List<String> firstErrors = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            threads.add(Thread.ofVirtual().start(() -> {
                long[] mine = new long[1024];
                int size = 0;
                long now;
                while ((now = System.nanoTime()) < end) {
                    int status = send(target, firstErrors);
                    long took = System.nanoTime() - now;
                    if (now >= countFrom) {
                        if (status == 200) {
                            if (size == mine.length) {
                                mine = Arrays.copyOf(mine, size * 2);
                            }
                            mine[size++] = took;
                        } else {
                            errors.incrementAndGet();
                        }
                    }
                }
                all.add(Arrays.copyOf(mine, size));
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        return run(target.label() + ", " + clients + " clients", measured, all, errors.get(), 0, firstErrors);
    }

    Run openLoop(Target target, int perSecond, Duration warmUp, Duration measured) throws InterruptedException {
        long interval = 1_000_000_000L / perSecond;
        long start = System.nanoTime() + 10_000_000L;
        long countFrom = start + warmUp.toNanos();
        long end = countFrom + measured.toNanos();
        Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
        ConcurrentLinkedQueue<Long> counted = new ConcurrentLinkedQueue<>();
        AtomicLong errors = new AtomicLong();
        List<String> firstErrors = java.util.Collections.synchronizedList(new ArrayList<>());
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
                notSent += counts ? 1 : 0;
                continue;
            }
            Thread.ofVirtual().start(() -> {
                try {
                    int status = send(target, firstErrors);
                    if (counts) {
                        if (status == 200) {
                            counted.add(System.nanoTime() - due);
                        } else {
                            errors.incrementAndGet();
                        }
                    }
                } finally {
                    inFlight.release();
                }
            });
        }
        inFlight.acquire(MAX_IN_FLIGHT);
        inFlight.release(MAX_IN_FLIGHT);
        ConcurrentLinkedQueue<long[]> all = new ConcurrentLinkedQueue<>();
        all.add(counted.stream().mapToLong(Long::longValue).toArray());
        return run(target.label() + ", open loop " + perSecond + "/s", measured, all, errors.get(), notSent, firstErrors);
    }

    /** One request, its body read and dropped; the status, or -1 for an I/O failure. */
    int send(Target target, List<String> firstErrors) {
        sent.incrementAndGet();
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target.url().apply(sequence.getAndIncrement())));
            target.headers().forEach(request::header);
            HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                byte[] bytes = body.readAllBytes();
                if (response.statusCode() != 200 && firstErrors.size() < 3) {
                    firstErrors.add(response.statusCode() + " " + new String(bytes, 0, Math.min(bytes.length, 200)));
                }
            }
            return response.statusCode();
        } catch (java.io.IOException e) {
            if (firstErrors.size() < 3) {
                firstErrors.add("I/O: " + e);
            }
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static Run run(String label, Duration measured, ConcurrentLinkedQueue<long[]> parts, long errors, long notSent,
                           List<String> firstErrors) {
        long[] all = parts.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        return new Run(label, measured.toNanos() / 1e9, all, errors, notSent, List.copyOf(firstErrors));
    }
}
