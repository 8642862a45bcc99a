package org.commonweal.exchange.internal;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import org.commonweal.exchange.CallRecord;
import org.commonweal.exchange.ExchangeSettings;
import org.commonweal.ledger.Evidence;
import org.commonweal.ledger.Ledger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Call records leave the gateway through an in-memory queue, so a call never waits for a database
 * commit. A flusher writes what is queued as one batch, every {@code flush-interval}: the calls,
 * the batch's Merkle root, and one ledger entry with that root, all in one transaction. What a crash
 * can lose is what was still queued (at most one flush interval of calls, about 50 ms); a clean
 * shutdown flushes everything first. See docs/adr/0008-exchange-gateway.md.
 */
@Component
public class CallRecorder implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(CallRecorder.class);
    /** Beyond this many queued calls the gateway waits for the flusher rather than grow without bound. */
    private static final int QUEUE_CAPACITY = 500_000;

    private final LinkedBlockingQueue<PendingCall> queue = new LinkedBlockingQueue<>(QUEUE_CAPACITY);
    private final List<PendingCall> retry = new ArrayList<>();
    private final ReentrantLock flushing = new ReentrantLock();
    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final TransactionTemplate transactions;
    private final Ledger ledger;
    private final ExchangeSettings settings;
    private final Clock clock;
    private volatile boolean running;
    private Thread flusher;

    CallRecorder(JdbcClient jdbc, JdbcTemplate template, TransactionTemplate transactions, Ledger ledger,
                 ExchangeSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.template = template;
        this.transactions = transactions;
        this.ledger = ledger;
        this.settings = settings;
        this.clock = clock;
    }

    /** Queues a call record; waits only when the flusher is far behind. */
    public void record(PendingCall call) {
        try {
            queue.put(call);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while recording a call", e);
        }
    }

    /** Writes everything queued now; returns how many calls were written. Tests and shutdown call it. */
    public int flush() {
        flushing.lock();
        try {
            int written = 0;
            while (true) {
                List<PendingCall> batch = new ArrayList<>(retry);
                retry.clear();
                queue.drainTo(batch, Math.max(0, settings.maxBatch() - batch.size()));
                if (batch.isEmpty()) {
                    return written;
                }
                try {
                    write(batch);
                    written += batch.size();
                } catch (RuntimeException e) {
                    retry.addAll(batch);
                    log.error("Could not write {} call records; they stay queued and are tried again", batch.size(), e);
                    return written;
                }
            }
        } finally {
            flushing.unlock();
        }
    }

    private void write(List<PendingCall> batch) {
        List<byte[]> leafHashes = new ArrayList<>(batch.size());
        for (PendingCall call : batch) {
            leafHashes.add(MerkleTree.leafHash(CallLeaf.bytes(call.record())));
        }
        byte[] root = MerkleTree.root(leafHashes);
        CallRecord first = batch.getFirst().record();
        CallRecord last = batch.getLast().record();
        transactions.executeWithoutResult(status -> {
            long batchId = jdbc.sql("INSERT INTO exchange_call_batch (size, root, first_at, last_at, recorded_at)"
                            + " VALUES (?, ?, ?, ?, ?) RETURNING id")
                    .params(batch.size(), root, Timestamp.from(first.at()), Timestamp.from(last.at()),
                            Timestamp.from(clock.instant()))
                    .query(Long.class).single();
            insertCalls(batch, leafHashes, batchId);
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("size", batch.size());
            details.put("root", "sha256:" + HexFormat.of().formatHex(root));
            details.put("first_at", first.at().toString());
            details.put("last_at", last.at().toString());
            ledger.record(new Evidence("exchange.calls_recorded", "exchange-batch/" + batchId, "exchange-gateway", details));
        });
    }

    /**
     * All calls of the batch in one statement: one array per column, unnested in order. Far less
     * work for PostgreSQL than one INSERT per row.
     */
    private void insertCalls(List<PendingCall> batch, List<byte[]> leafHashes, long batchId) {
        int n = batch.size();
        Object[][] columns = new Object[19][n];
        HexFormat hex = HexFormat.of();
        for (int i = 0; i < n; i++) {
            PendingCall pending = batch.get(i);
            CallRecord call = pending.record();
            Object[] row = {call.id(), call.xroadId(), call.client(), pending.consumerMember(), call.serviceId(),
                    pending.providerMember(), pending.resourceCode(), call.agreementId(), call.purpose(), call.issue(),
                    call.subjectHash(), String.join(",", new java.util.TreeSet<>(call.dataItems())),
                    Timestamp.from(call.at()), Timestamp.from(call.visibleToSubjectFrom()), call.status(), call.errorCode(),
                    call.requestDigest(), call.responseDigest(), call.durationMicros()};
            for (int c = 0; c < row.length; c++) {
                columns[c][i] = row[c];
            }
        }
        String[] leaves = leafHashes.stream().map(hex::formatHex).toArray(String[]::new);
        template.update(connection -> {
            PreparedStatement insert = connection.prepareStatement(INSERT_BATCH);
            String[] types = {"uuid", "text", "text", "text", "text", "text", "text", "uuid", "text", "text", "text", "text",
                    "timestamptz", "timestamptz", "int4", "text", "text", "text", "int8"};
            insert.setLong(1, batchId);
            for (int c = 0; c < types.length; c++) {
                insert.setArray(c + 2, connection.createArrayOf(types[c], columns[c]));
            }
            insert.setArray(21, connection.createArrayOf("text", leaves));
            return insert;
        });
    }

    private static final String INSERT_BATCH = "INSERT INTO exchange_call (id, xroad_id, client, consumer_member, service_id,"
            + " provider_member, resource_code, agreement_id, purpose, issue, subject_hash, data_items, at,"
            + " visible_to_subject_from, status, error_code, request_digest, response_digest, duration_micros, leaf_hash,"
            + " batch_id, batch_index)"
            + " SELECT id, xroad_id, client, consumer_member, service_id, provider_member, resource_code, agreement_id, purpose,"
            + " issue, subject_hash, string_to_array(items, ','), at, visible_from, status, error_code, request_digest,"
            + " response_digest, duration_micros, decode(leaf, 'hex'), ?, (ord - 1)::int"
            + " FROM unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::uuid[], ?::text[],"
            + " ?::text[], ?::text[], ?::text[], ?::timestamptz[], ?::timestamptz[], ?::int4[], ?::text[], ?::text[], ?::text[],"
            + " ?::int8[], ?::text[]) WITH ORDINALITY AS t(id, xroad_id, client, consumer_member, service_id, provider_member,"
            + " resource_code, agreement_id, purpose, issue, subject_hash, items, at, visible_from, status, error_code,"
            + " request_digest, response_digest, duration_micros, leaf, ord)";

    @Override
    public void start() {
        running = true;
        flusher = Thread.ofPlatform().daemon().name("exchange-call-recorder").start(() -> {
            while (running) {
                try {
                    // a batch gathers for one interval, then is written whole
                    Thread.sleep(settings.flushInterval());
                    flush();
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException e) {
                    log.error("Call recorder failed; it carries on", e);
                }
            }
        });
    }

    @Override
    public void stop() {
        running = false;
        if (flusher != null) {
            try {
                // not interrupted: a write in progress finishes
                flusher.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        int written = flush();
        log.info("Call recorder stopped after writing the last {} queued calls", written);
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops after the web server (phase MAX - 2048), so no call arrives after the last flush. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 4096;
    }
}
