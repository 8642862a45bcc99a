package org.commonweal.ledger.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.commonweal.ledger.tlog.CompleteSubtree;
import org.commonweal.ledger.tlog.EntryBundle;
import org.commonweal.ledger.tlog.HashReader;
import org.commonweal.ledger.tlog.StoredHashLayout;
import org.commonweal.ledger.tlog.Tile;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The ledger's tables. Entries are stored in tlog-tiles entry bundles, 256 to a row, as served;
 * each entry also has an insert-only row with its type, subject and the tree hashes it completed,
 * so a stored hash is found in the row of the entry that completed its subtree.
 */
@Component
public class LedgerStore {

    /** A piece of evidence committed with its action, not yet in the tree. */
    record Pending(long id, byte[] entry, String type, String subject) {
    }

    /** An integrated entry. */
    public record StoredEntry(long index, byte[] entry, String type, String subject, byte[] hashes) {
        public byte[] leafHash() {
            return Arrays.copyOf(hashes, 32);
        }
    }

    /** A signed checkpoint as stored. */
    public record SignedCheckpoint(long size, byte[] root, String note, Instant signedAt) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    LedgerStore(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** Evidence as recorded, before it has an index in the log. */
    public record NewPending(byte[] entry, String type, String subject, Instant at) {
    }

    /** Adds the evidence in one round trip, however much there is. */
    public void addPending(List<NewPending> evidence) {
        template.batchUpdate("INSERT INTO ledger_pending (entry, type, subject, recorded_at) VALUES (?, ?, ?, ?)",
                evidence.stream().map(e -> new Object[]{e.entry(), e.type(), e.subject(), Timestamp.from(e.at())}).toList());
    }

    /** The oldest pending evidence, locked so that no other sequencer takes it meanwhile. */
    List<Pending> lockPending(int limit) {
        return jdbc.sql("SELECT id, entry, type, subject FROM ledger_pending ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED")
                .param(limit)
                .query((rs, n) -> new Pending(rs.getLong(1), rs.getBytes(2), rs.getString(3), rs.getString(4)))
                .list();
    }

    void integrate(long firstIndex, List<Pending> batch, List<byte[]> hashesPerEntry) {
        List<Object[]> rows = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            Pending p = batch.get(i);
            rows.add(new Object[]{firstIndex + i, p.type(), p.subject(), hashesPerEntry.get(i)});
        }
        template.batchUpdate("INSERT INTO ledger_entry (idx, type, subject, hashes) VALUES (?, ?, ?, ?)", rows);
        appendToBundles(firstIndex, batch.stream().map(Pending::entry).toList());
        template.batchUpdate("DELETE FROM ledger_pending WHERE id = ?", batch.stream().map(p -> new Object[]{p.id()}).toList());
    }

    /** Appends one batch of entries to a bundle; the parameters are those of {@link #bundleAppends}. */
    public static final String APPEND_TO_BUNDLE = "INSERT INTO ledger_bundle (idx, entries) VALUES (?, ?)"
            + " ON CONFLICT (idx) DO UPDATE SET entries = ledger_bundle.entries || EXCLUDED.entries";

    private void appendToBundles(long firstIndex, List<byte[]> entries) {
        template.batchUpdate(APPEND_TO_BUNDLE, bundleAppends(firstIndex, entries));
    }

    /**
     * Splits entries starting at {@code firstIndex} by the bundle they belong in, each part encoded:
     * the first part fills up the partial bundle at the end, the others start new bundles.
     */
    public static List<Object[]> bundleAppends(long firstIndex, List<byte[]> entries) {
        List<Object[]> appends = new ArrayList<>();
        for (int i = 0; i < entries.size(); ) {
            long index = firstIndex + i;
            int room = Tile.FULL_WIDTH - (int) (index & (Tile.FULL_WIDTH - 1));
            int count = Math.min(room, entries.size() - i);
            appends.add(new Object[]{index >>> Tile.HEIGHT, EntryBundle.encode(entries.subList(i, i + count))});
            i += count;
        }
        return appends;
    }

    void saveCheckpoint(long size, byte[] root, String note, Instant at) {
        jdbc.sql("INSERT INTO ledger_checkpoint (size, root, note, signed_at) VALUES (?, ?, ?, ?)")
                .params(size, root, note, Timestamp.from(at)).update();
    }

    public Optional<SignedCheckpoint> latestCheckpoint() {
        return jdbc.sql("SELECT size, root, note, signed_at FROM ledger_checkpoint ORDER BY size DESC LIMIT 1")
                .query((rs, n) -> new SignedCheckpoint(rs.getLong(1), rs.getBytes(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant()))
                .optional();
    }

    public long pendingCount() {
        return jdbc.sql("SELECT count(*) FROM ledger_pending").query(Long.class).single();
    }

    public Optional<StoredEntry> entry(long index) {
        return entries(index, index + 1).stream().findFirst();
    }

    /** Entries with index in {@code [from, to)}, in order. */
    public List<StoredEntry> entries(long from, long to) {
        return withEntryBytes(jdbc.sql("SELECT idx, type, subject, hashes FROM ledger_entry WHERE idx >= ? AND idx < ? ORDER BY idx")
                .params(from, to).query(LedgerStore::row).list());
    }

    /** The entries about a subject, oldest first. */
    public List<StoredEntry> entriesAbout(String subject, int limit) {
        return withEntryBytes(referencesAbout(subject, limit));
    }

    /** Index, type and subject of the entries about a subject, oldest first, without reading the entries. */
    public List<EntryRow> referencesAbout(String subject, int limit) {
        return jdbc.sql("SELECT idx, type, subject, hashes FROM ledger_entry WHERE subject = ? ORDER BY idx LIMIT ?")
                .params(subject, limit).query(LedgerStore::row).list();
    }

    /** An integrated entry's row: everything but the entry itself, which is in its bundle. */
    public record EntryRow(long index, String type, String subject, byte[] hashes) {
    }

    /**
     * Entry bundle {@code bundleIndex} as served for {@code width} entries. The stored bundle may
     * hold more: a reader's checkpoint can be a moment older than the store.
     */
    public byte[] bundle(long bundleIndex, int width) {
        byte[] stored = template.query("SELECT entries FROM ledger_bundle WHERE idx = ?",
                rs -> rs.next() ? rs.getBytes(1) : null, bundleIndex);
        if (stored == null) {
            throw new IllegalStateException("stored entry bundle " + bundleIndex + " is missing");
        }
        try {
            return EntryBundle.prefix(stored, width);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("stored entry bundle " + bundleIndex + " is damaged: " + e.getMessage(), e);
        }
    }

    /**
     * Adds each row's entry, read from its bundle. An entry its bundle does not hold (a bundle
     * missing, short or damaged) is left out, which the auditor reports as a missing entry.
     */
    private List<StoredEntry> withEntryBytes(List<EntryRow> rows) {
        Long[] bundleIndexes = rows.stream().map(row -> row.index() >>> Tile.HEIGHT).distinct().toArray(Long[]::new);
        Map<Long, List<byte[]>> bundles = new HashMap<>();
        jdbc.sql("SELECT idx, entries FROM ledger_bundle WHERE idx = ANY(?)").param(bundleIndexes)
                .query(rs -> {
                    bundles.put(rs.getLong(1), decodeOrNothing(rs.getBytes(2)));
                });
        List<StoredEntry> entries = new ArrayList<>(rows.size());
        for (EntryRow row : rows) {
            List<byte[]> bundle = bundles.getOrDefault(row.index() >>> Tile.HEIGHT, List.of());
            int position = (int) (row.index() & (Tile.FULL_WIDTH - 1));
            if (position < bundle.size()) {
                entries.add(new StoredEntry(row.index(), bundle.get(position), row.type(), row.subject(), row.hashes()));
            }
        }
        return entries;
    }

    private static List<byte[]> decodeOrNothing(byte[] bundle) {
        try {
            return EntryBundle.decode(bundle);
        } catch (IllegalArgumentException e) {
            return List.of();
        }
    }

    /**
     * The leaf hashes of the entries with index in {@code [from, to)}, concatenated: a level-0 tile.
     * Each is the first hash in its entry's row, so a range scan reads them without the index
     * arithmetic {@link #hashReader()} needs for higher levels.
     */
    public byte[] leafHashes(long from, long to) {
        byte[] hashes = new byte[Math.toIntExact(to - from) * 32];
        int[] count = {0};
        template.query("SELECT substring(hashes FROM 1 FOR 32) FROM ledger_entry WHERE idx >= ? AND idx < ? ORDER BY idx",
                rs -> {
                    byte[] leaf = rs.getBytes(1);
                    if (leaf.length != 32 || count[0] == hashes.length / 32) {
                        throw new IllegalStateException("stored leaf hashes from " + from + " are malformed");
                    }
                    System.arraycopy(leaf, 0, hashes, count[0]++ * 32, 32);
                }, from, to);
        if (count[0] != hashes.length / 32) {
            throw new IllegalStateException("stored leaf hashes are missing in [" + from + ", " + to + ")");
        }
        return hashes;
    }

    public List<Alert> alerts(int limit) {
        return jdbc.sql("SELECT detected_at, entry_index, reason FROM ledger_alert ORDER BY id DESC LIMIT ?").param(limit)
                .query((rs, n) -> new Alert(rs.getTimestamp(1).toInstant(), (Long) rs.getObject(2), rs.getString(3)))
                .list();
    }

    void raiseAlert(Instant at, Long entryIndex, String reason) {
        jdbc.sql("INSERT INTO ledger_alert (detected_at, entry_index, reason) VALUES (?, ?, ?)")
                .params(Timestamp.from(at), entryIndex, reason).update();
    }

    /** A security event: stored evidence no longer matches what the log signed. */
    public record Alert(Instant detectedAt, Long entryIndex, String reason) {
    }

    /** Reads stored tree hashes out of the rows of the entries that completed them, in one query. */
    public HashReader hashReader() {
        return indexes -> {
            long[] leaves = new long[indexes.length];
            int[] levels = new int[indexes.length];
            for (int i = 0; i < indexes.length; i++) {
                CompleteSubtree subtree = StoredHashLayout.subtreeAt(indexes[i]);
                leaves[i] = subtree.endLeaf() - 1;
                levels[i] = subtree.level();
            }
            Map<Long, byte[]> hashesByLeaf = new HashMap<>();
            jdbc.sql("SELECT idx, hashes FROM ledger_entry WHERE idx = ANY(?)")
                    .param(Arrays.stream(leaves).distinct().boxed().toArray(Long[]::new))
                    .query(rs -> {
                        hashesByLeaf.put(rs.getLong(1), rs.getBytes(2));
                    });
            List<byte[]> result = new ArrayList<>(indexes.length);
            for (int i = 0; i < indexes.length; i++) {
                byte[] hashes = hashesByLeaf.get(leaves[i]);
                if (hashes == null || hashes.length < (levels[i] + 1) * 32) {
                    throw new IllegalStateException("stored hash " + indexes[i] + " is missing from entry " + leaves[i]);
                }
                result.add(Arrays.copyOfRange(hashes, levels[i] * 32, (levels[i] + 1) * 32));
            }
            return result;
        };
    }

    private static EntryRow row(ResultSet rs, int n) throws SQLException {
        return new EntryRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBytes(4));
    }
}
