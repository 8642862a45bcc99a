package org.commonweal.ledger.tlog;

/**
 * A C2SP tlog-tiles entry bundle: entries {@code [256 * index, 256 * index + width)}, served at
 * {@code tile/entries/<N>[.p/<W>]} and encoded by {@link EntryBundle}.
 *
 * @param index bundle index N
 * @param width number of entries, 1..256; fewer than 256 only for a partial bundle
 */
public record EntryTile(long index, int width) implements TileResource {

    public EntryTile {
        if (index < 0) {
            throw new IllegalArgumentException("entry bundle index " + index + " is negative");
        }
        if (width < 1 || width > Tile.FULL_WIDTH) {
            throw new IllegalArgumentException("entry bundle width " + width + " is outside 1.." + Tile.FULL_WIDTH);
        }
    }

    /** Index of the first entry in the bundle. */
    public long firstEntry() {
        return index << Tile.HEIGHT;
    }

    @Override
    public String path() {
        return TilePath.format(this);
    }

    /** The bundle holding entry {@code entryIndex} in a log of {@code treeSize} entries, at its width for that size. */
    public static EntryTile containing(long entryIndex, long treeSize) {
        if (entryIndex < 0 || entryIndex >= treeSize) {
            throw new IllegalArgumentException("entry " + entryIndex + " is not in a log of size " + treeSize);
        }
        long bundle = entryIndex >> Tile.HEIGHT;
        return new EntryTile(bundle, Tile.widthAt(0, bundle, treeSize));
    }
}
