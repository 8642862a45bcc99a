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

    /**
     * Decodes a bundle. Rejects a truncated length or entry, and more than 256 entries, rather than
     * returning a shorter list that a caller might take for the whole bundle.
     */
    public static List<byte[]> decode(byte[] bundle) {
        List<byte[]> entries = new ArrayList<>();
        int offset = 0;
        while (offset < bundle.length) {
            if (entries.size() == Tile.FULL_WIDTH) {
                throw new IllegalArgumentException("entry bundle has more than " + Tile.FULL_WIDTH + " entries");
            }
            if (bundle.length - offset < 2) {
                throw new IllegalArgumentException("entry bundle ends inside the length of entry " + entries.size());
            }
            int length = ((bundle[offset] & 0xFF) << 8) | (bundle[offset + 1] & 0xFF);
            offset += 2;
            if (bundle.length - offset < length) {
                throw new IllegalArgumentException("entry " + entries.size() + " claims " + length + " bytes but only "
                        + (bundle.length - offset) + " remain");
            }
            entries.add(Arrays.copyOfRange(bundle, offset, offset + length));
            offset += length;
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
        int offset = 0;
        for (int i = 0; i < count; i++) {
            if (bundle.length - offset < 2) {
                throw new IllegalArgumentException("entry bundle holds " + i + " entries, fewer than " + count);
            }
            offset += 2 + (((bundle[offset] & 0xFF) << 8) | (bundle[offset + 1] & 0xFF));
            if (offset > bundle.length) {
                throw new IllegalArgumentException("entry " + i + " of the entry bundle is truncated");
            }
        }
        return offset == bundle.length ? bundle : Arrays.copyOf(bundle, offset);
    }
}
