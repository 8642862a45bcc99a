package org.commonweal.ledger;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import org.commonweal.ledger.tlog.EntryBundle;
import org.commonweal.ledger.tlog.Tile;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Evidence as PostgreSQL holds it, for tests: read whether still pending or already in its entry
 * bundle, and changed behind the application's back, as someone with SQL access could.
 */
public final class StoredEvidence {

    /** An entry's type and canonical JSON. */
    public record Text(String type, String entry) {
    }

    private StoredEvidence() {
    }

    /**
     * The evidence, pending or integrated, whose row matches {@code condition} (SQL over the
     * {@code type} and {@code subject} columns), integrated entries in log order. One statement,
     * so an entry the sequencer moves meanwhile is seen exactly once.
     */
    public static List<Text> matching(JdbcClient jdbc, String condition, Object... params) {
        Object[] twice = new Object[params.length * 2];
        System.arraycopy(params, 0, twice, 0, params.length);
        System.arraycopy(params, 0, twice, params.length, params.length);
        return jdbc.sql("SELECT type, entry, NULL::bigint AS idx FROM ledger_pending WHERE " + condition
                        + " UNION ALL SELECT e.type, b.entries, e.idx FROM ledger_entry e JOIN ledger_bundle b"
                        + " ON b.idx = e.idx / " + Tile.FULL_WIDTH + " WHERE " + condition + " ORDER BY idx NULLS FIRST")
                .params(twice)
                .query((rs, n) -> {
                    byte[] bytes = rs.getBytes(2);
                    long index = rs.getLong(3);
                    byte[] entry = rs.wasNull() ? bytes : EntryBundle.decode(bytes).get(position(index));
                    return new Text(rs.getString(1), new String(entry, StandardCharsets.UTF_8));
                }).list();
    }

    /** The canonical JSON of the evidence about {@code subject}, pending or integrated. */
    public static List<String> about(JdbcClient jdbc, String subject) {
        return matching(jdbc, "subject = ?", subject).stream().map(Text::entry).toList();
    }

    /**
     * Rewrites integrated entry {@code index} inside its bundle with an UPDATE, as a tamperer
     * would; returns the bytes it had, for {@link #restore}.
     */
    public static byte[] tamper(JdbcClient jdbc, long index, UnaryOperator<String> change) {
        List<byte[]> entries = bundleHolding(jdbc, index);
        byte[] original = entries.get(position(index));
        entries.set(position(index), change.apply(new String(original, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
        write(jdbc, index, entries);
        return original;
    }

    public static void restore(JdbcClient jdbc, long index, byte[] original) {
        List<byte[]> entries = bundleHolding(jdbc, index);
        entries.set(position(index), original);
        write(jdbc, index, entries);
    }

    private static List<byte[]> bundleHolding(JdbcClient jdbc, long index) {
        return new ArrayList<>(EntryBundle.decode(jdbc.sql("SELECT entries FROM ledger_bundle WHERE idx = ?")
                .param(index >>> Tile.HEIGHT).query(byte[].class).single()));
    }

    private static void write(JdbcClient jdbc, long index, List<byte[]> entries) {
        jdbc.sql("UPDATE ledger_bundle SET entries = ? WHERE idx = ?").params(EntryBundle.encode(entries), index >>> Tile.HEIGHT)
                .update();
    }

    private static int position(long index) {
        return (int) (index & (Tile.FULL_WIDTH - 1));
    }
}
