package org.commonweal.ledger.internal;

import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.commonweal.ledger.tlog.Checkpoint;
import org.commonweal.ledger.tlog.MerkleHash;
import org.commonweal.ledger.tlog.StoredHash;
import org.commonweal.ledger.tlog.StoredHashLayout;
import org.commonweal.ledger.tlog.StoredHashes;
import org.commonweal.ledger.tlog.StoredTree;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Integrates pending evidence into the tree in batches and signs a checkpoint for each batch, at
 * least every {@code sequencerInterval} while there is work. Entries, tree hashes, the removal of
 * the pending rows and the checkpoint commit together, so a crash at any point loses nothing and
 * never signs two trees of one size. One sequencer works at a time across all nodes.
 */
@Component
public class Sequencer {

    private static final Logger log = LoggerFactory.getLogger(Sequencer.class);
    private static final long LOCK = 0x4C454447L; // "LEDG"

    private final LedgerStore store;
    private final LedgerKeys keys;
    private final LedgerSettings settings;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;

    Sequencer(LedgerStore store, LedgerKeys keys, LedgerSettings settings, JdbcClient jdbc,
              TransactionTemplate transactions, Clock clock) {
        this.store = store;
        this.keys = keys;
        this.settings = settings;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${commonweal.ledger.sequencer-interval:100ms}")
    public void integratePending() {
        try {
            while (integrateBatch() == settings.batchSize()) {
                // a full batch means more is waiting: go on without sleeping
            }
        } catch (RuntimeException e) {
            log.error("The ledger sequencer failed; pending evidence stays pending and is retried", e);
        }
    }

    /** Integrates one batch; returns how many entries it took. */
    public int integrateBatch() {
        Integer taken = transactions.execute(status -> {
            if (!jdbc.sql("SELECT pg_try_advisory_xact_lock(?)").param(LOCK).query(Boolean.class).single()) {
                return 0;
            }
            List<LedgerStore.Pending> batch = store.lockPending(settings.batchSize());
            if (batch.isEmpty()) {
                ensureCheckpoint();
                return 0;
            }
            long size = store.latestCheckpoint().map(LedgerStore.SignedCheckpoint::size).orElse(0L);
            List<byte[]> leafHashes = batch.stream().map(p -> MerkleHash.leafHash(p.entry())).toList();
            List<StoredHash> added = StoredHashes.append(size, leafHashes, store.hashReader());
            store.integrate(size, batch, hashesPerEntry(size, batch.size(), added));
            sign(size + batch.size());
            return batch.size();
        });
        return taken == null ? 0 : taken;
    }

    /**
     * The latest signed checkpoint; signs the empty tree first if the log has none yet. Readers ask
     * for it on every proof, so it is kept for up to 100 ms (less than one sequencer interval).
     */
    public LedgerStore.SignedCheckpoint latest() {
        Cached cached = latest;
        long now = System.nanoTime();
        if (cached != null && now - cached.readAt() < CHECKPOINT_FRESHNESS_NANOS) {
            return cached.checkpoint();
        }
        LedgerStore.SignedCheckpoint checkpoint = store.latestCheckpoint().orElseGet(() -> transactions.execute(status -> {
            ensureCheckpoint();
            return store.latestCheckpoint().orElseThrow();
        }));
        latest = new Cached(checkpoint, now);
        return checkpoint;
    }

    private record Cached(LedgerStore.SignedCheckpoint checkpoint, long readAt) {
    }

    private static final long CHECKPOINT_FRESHNESS_NANOS = 100_000_000L;
    private volatile @org.jspecify.annotations.Nullable Cached latest;

    /** Even an empty log publishes a signed checkpoint (size 0), so clients can start from it. */
    private void ensureCheckpoint() {
        if (store.latestCheckpoint().isEmpty()) {
            jdbc.sql("SELECT pg_advisory_xact_lock(?)").param(LOCK).query().singleValue();
            if (store.latestCheckpoint().isEmpty()) {
                sign(0);
            }
        }
    }

    private void sign(long size) {
        byte[] root = new StoredTree(store.hashReader()).rootHash(size);
        String note = keys.signer().signNote(new Checkpoint(settings.origin(), size, root).toNoteText());
        store.saveCheckpoint(size, root, note, clock.instant());
        // this node's readers see the new checkpoint at once; other nodes within CHECKPOINT_FRESHNESS
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                latest = null;
            }
        });
    }

    /** Splits the new stored hashes by the entry that completed them: entry m owns [count(m), count(m+1)). */
    public static List<byte[]> hashesPerEntry(long firstIndex, int entries, List<StoredHash> added) {
        List<byte[]> result = new ArrayList<>(entries);
        int next = 0;
        for (long m = firstIndex; m < firstIndex + entries; m++) {
            long end = StoredHashLayout.count(m + 1);
            ByteArrayOutputStream hashes = new ByteArrayOutputStream(64);
            while (next < added.size() && added.get(next).index() < end) {
                hashes.writeBytes(added.get(next).hash());
                next++;
            }
            result.add(hashes.toByteArray());
        }
        return result;
    }
}
