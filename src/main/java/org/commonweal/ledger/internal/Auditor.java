package org.commonweal.ledger.internal;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.commonweal.ledger.tlog.Checkpoint;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Re-verifies, in the background, everything stored against what the log signed: each entry
 * against its leaf hash, every stored subtree hash against the entries, and every checkpoint's
 * signature and root. Tampering behind the application's back (an UPDATE in SQL) turns the ledger
 * DOWN in {@code /actuator/health} and raises a security event naming the first bad index.
 */
@Component("ledgerHealthIndicator")
public class Auditor implements HealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(Auditor.class);
    private static final int CHUNK = 10_000;

    /** The outcome of one audit: ok, or the first problem found. */
    public record Finding(boolean ok, long verifiedEntries, @Nullable Long badIndex, String message) {
    }

    private final LedgerStore store;
    private final LedgerKeys keys;
    private final LedgerSettings settings;
    private final JdbcClient jdbc;
    private final Clock clock;
    private volatile @Nullable Finding last;
    /** The tree as rebuilt by the last pass that found everything in order, or null. */
    private @Nullable TreeRebuilder verified;
    private long lastFullAudit;

    Auditor(LedgerStore store, LedgerKeys keys, LedgerSettings settings, JdbcClient jdbc, Clock clock) {
        this.store = store;
        this.keys = keys;
        this.settings = settings;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Every {@code auditInterval}: verifies what was added since the last pass, and everything again
     * once {@code fullAuditInterval} has passed, so a change to an old row is also caught.
     */
    @Scheduled(initialDelayString = "${commonweal.ledger.audit-initial-delay:5s}",
            fixedDelayString = "${commonweal.ledger.audit-interval:60s}")
    public synchronized Finding auditNewEntries() {
        boolean fullDue = verified == null || System.nanoTime() - lastFullAudit > settings.fullAuditInterval().toNanos();
        return fullDue ? audit() : report(verifyFrom(verified));
    }

    /** Verifies the whole log from its first entry. */
    public synchronized Finding audit() {
        lastFullAudit = System.nanoTime();
        return report(verifyFrom(new TreeRebuilder()));
    }

    private Finding report(Finding finding) {
        Finding previous = last;
        last = finding;
        if (!finding.ok() && (previous == null || !finding.equals(previous))) {
            log.error("SECURITY: the ledger no longer matches what it signed: {}", finding.message());
            store.raiseAlert(clock.instant(), finding.badIndex(), finding.message());
        }
        return finding;
    }

    @Override
    public Health health() {
        Finding finding = last;
        if (finding == null) {
            return Health.unknown().withDetail("audit", "not run yet").build();
        }
        Health.Builder health = finding.ok() ? Health.up() : Health.down();
        health.withDetail("verifiedEntries", finding.verifiedEntries()).withDetail("message", finding.message());
        if (finding.badIndex() != null) {
            health.withDetail("firstBadIndex", finding.badIndex());
        }
        return health.build();
    }

    /** Continues the tree from where {@code tree} stands; remembers it only when everything matched. */
    private Finding verifyFrom(TreeRebuilder tree) {
        verified = null;
        Finding finding = verify(tree);
        if (finding.ok()) {
            verified = tree;
        }
        return finding;
    }

    private Finding verify(TreeRebuilder tree) {
        List<Map.Entry<Long, byte[]>> checkpoints = signedRoots(tree.size());
        if (checkpoints == null) {
            return new Finding(false, tree.size(), null, "a stored checkpoint's signature or root does not verify");
        }
        int nextCheckpoint = 0;
        long size = checkpoints.isEmpty() ? tree.size() : checkpoints.getLast().getKey();
        while (tree.size() < size) {
            List<LedgerStore.StoredEntry> entries = store.entries(tree.size(), Math.min(tree.size() + CHUNK, size));
            if (entries.isEmpty()) {
                return missing(tree.size());
            }
            for (LedgerStore.StoredEntry entry : entries) {
                if (entry.index() != tree.size()) {
                    return missing(tree.size());
                }
                String problem = tree.append(entry.entry(), entry.hashes());
                if (problem != null) {
                    return new Finding(false, entry.index(), entry.index(), "entry " + entry.index() + ": " + problem);
                }
                while (nextCheckpoint < checkpoints.size() && checkpoints.get(nextCheckpoint).getKey() == tree.size()) {
                    if (!Arrays.equals(tree.root(), checkpoints.get(nextCheckpoint).getValue())) {
                        return new Finding(false, tree.size(), entry.index(),
                                "the entries up to " + entry.index() + " do not give the root signed for size " + tree.size());
                    }
                    nextCheckpoint++;
                }
            }
        }
        return new Finding(true, tree.size(), null, "all " + tree.size() + " entries match the signed checkpoints");
    }

    private static Finding missing(long index) {
        return new Finding(false, index, index, "entry " + index + " is missing, or the bundle that should hold it is damaged");
    }

    /**
     * Sizes and roots of the checkpoints beyond {@code fromSize} (all of them from 0; the empty
     * tree's checkpoint has nothing to compare), in size order, or null if one does not hold
     * together. The latest checkpoint's signature is verified; older notes are parsed and compared
     * with their stored root (their signatures were checked when they were the latest).
     */
    private @Nullable List<Map.Entry<Long, byte[]>> signedRoots(long fromSize) {
        List<Object[]> rows = jdbc.sql("SELECT size, root, note FROM ledger_checkpoint WHERE size > ? ORDER BY size")
                .param(fromSize)
                .query((rs, n) -> new Object[]{rs.getLong(1), rs.getBytes(2), rs.getString(3)}).list();
        List<Map.Entry<Long, byte[]>> roots = new java.util.ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            Object[] row = rows.get(i);
            try {
                String note = (String) row[2];
                Checkpoint signed = i == rows.size() - 1
                        ? Checkpoint.verifyAndParse(note, List.of(keys.verifier()))
                        : Checkpoint.parse(org.commonweal.ledger.tlog.SignedNote.parse(note).text());
                if (signed.size() != (long) row[0] || !Arrays.equals(signed.rootHash(), (byte[]) row[1])) {
                    return null;
                }
                roots.add(Map.entry(signed.size(), signed.rootHash()));
            } catch (RuntimeException e) {
                return null;
            }
        }
        return roots;
    }
}
