package org.commonweal.ledger.tlog;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * C2SP tlog-tiles entry bundle encoding: each entry as a big-endian uint16 length and its bytes.
 */
public final class EntryBundle {

    /** The uint16 length prefix caps an entry at this many bytes. */
    public static final int MAX_ENTRY_SIZE = 0xFFFF;

    private EntryBundle() {
    }

    /** Encodes up to 256 entries; an entry over {@value #MAX_ENTRY_SIZE} bytes cannot be represented. */
    public static byte[] encode(List<byte[]> entries) {
        if (entries.size() > Tile.FULL_WIDTH) {
            throw new IllegalArgumentException("an entry bundle holds at most " + Tile.FULL_WIDTH + " entries, got "
                    + entries.size());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < entries.size(); i++) {
            byte[] entry = entries.get(i);
            if (entry.length > MAX_ENTRY_SIZE) {
                throw new IllegalArgumentException("entry " + i + " is " + entry.length
                        + " bytes; an entry bundle allows at most " + MAX_ENTRY_SIZE);
            }
            out.write(entry.length >>> 8);
            out.write(entry.length & 0xFF);
            out.write(entry, 0, entry.length);
        }
        return out.toByteArray();
    }

    /** Receives an entry of a bundle in place: {@code bundle[offset, offset + length)}. */
    @FunctionalInterface
    public interface EntryVisitor {
        void entry(int position, byte[] bundle, int offset, int length);
    }

    /**
     * Visits the entries of an encoded bundle in place, in order, stopping after {@code limit} of
     * them; the one reading of the encoding that decoding, cutting and hashing share.
     *
     * @return the offset just past the last entry visited ({@code bundle.length} if all were)
     * @throws IllegalArgumentException if a length or an entry is truncated
     */
    public static int walk(byte[] bundle, int limit, EntryVisitor visitor) {
        int offset = 0;
        for (int position = 0; position < limit && offset < bundle.length; position++) {
            if (bundle.length - offset < 2) {
                throw new IllegalArgumentException("entry bundle ends inside the length of entry " + position);
            }
            int length = ((bundle[offset] & 0xFF) << 8) | (bundle[offset + 1] & 0xFF);
            offset += 2;
            if (bundle.length - offset < length) {
                throw new IllegalArgumentException("entry " + position + " claims " + length + " bytes but only "
                        + (bundle.length - offset) + " remain");
            }
            visitor.entry(position, bundle, offset, length);
            offset += length;
        }
        return offset;
    }

    /**
     * Decodes a bundle. Rejects a truncated length or entry, and more than 256 entries, rather than
     * returning a shorter list that a caller might take for the whole bundle.
     */
    public static List<byte[]> decode(byte[] bundle) {
        List<byte[]> entries = new ArrayList<>();
        int end = walk(bundle, Tile.FULL_WIDTH,
                (position, bytes, offset, length) -> entries.add(Arrays.copyOfRange(bytes, offset, offset + length)));
        if (end < bundle.length) {
            throw new IllegalArgumentException("entry bundle has more than " + Tile.FULL_WIDTH + " entries");
        }
        return entries;
    }

    /**
     * The first {@code count} entries of an encoded bundle, still encoded: the bundle itself when it
     * holds exactly that many, as a full bundle read for a full-width request does.
     *
     * @throws IllegalArgumentException if the bundle holds fewer entries or one is truncated
     */
    public static byte[] prefix(byte[] bundle, int count) {
        int[] seen = {0};
        int end = walk(bundle, count, (position, bytes, offset, length) -> seen[0]++);
        if (seen[0] < count) {
            throw new IllegalArgumentException("entry bundle holds " + seen[0] + " entries, fewer than " + count);
        }
        return end == bundle.length ? bundle : Arrays.copyOf(bundle, end);
    }
}
