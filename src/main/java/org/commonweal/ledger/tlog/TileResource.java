package org.commonweal.ledger.tlog;

/**
 * A static resource of a C2SP tlog-tiles log: a {@link Tile} of hashes or an {@link EntryTile}
 * bundle of entries. {@link TilePath#parse} returns one of these.
 */
public sealed interface TileResource permits Tile, EntryTile {

    /** The tile index N within its level. */
    long index();

    /** Number of hashes or entries, 1..256; fewer than 256 only for a partial tile. */
    int width();

    /** The path below the log prefix, e.g. {@code tile/0/x001/x234/067.p/8}. */
    String path();

    default boolean isPartial() {
        return width() < Tile.FULL_WIDTH;
    }
}
