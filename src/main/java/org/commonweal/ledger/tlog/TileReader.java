package org.commonweal.ledger.tlog;

/**
 * Fetches the bytes of a tile (concatenated 32-byte hashes), from wherever tiles are kept:
 * a blob table, an object store, a cache, or HTTP from another log's prefix.
 */
@FunctionalInterface
public interface TileReader {

    /** Returns exactly {@code tile.width() * 32} bytes. */
    byte[] readTile(Tile tile);
}
