package org.commonweal.ledger.tlog;

import java.util.ArrayList;
import java.util.List;

/**
 * A C2SP tlog-tiles Merkle tree tile: {@code width} consecutive hashes at stored-hash level
 * {@code 8 * level}, the bottom row of a subtree of height 8.
 *
 * <p>The hashes at tree levels {@code 8L+1 .. 8L+7} are not in any tile; they are recomputed from
 * the bottom row ({@link TileData#hashFromTile}). Hash {@code i} of tile {@code (L, N)} is the
 * stored hash {@code (8L, 256N + i)}.
 *
 * @param level tile level L, 0..63 (tree level 8L)
 * @param index tile index N within the level
 * @param width 1..256 hashes; a full tile has 256
 */
public record Tile(int level, long index, int width) implements TileResource {

    /** Tree levels per tile. Fixed by C2SP tlog-tiles. */
    public static final int HEIGHT = 8;

    /** Hashes in a full tile, 2^HEIGHT. */
    public static final int FULL_WIDTH = 1 << HEIGHT;

    /** Highest tile level a path may name. */
    public static final int MAX_LEVEL = 63;

    public Tile {
        if (level < 0 || level > MAX_LEVEL) {
            throw new IllegalArgumentException("tile level " + level + " is outside 0.." + MAX_LEVEL);
        }
        if (index < 0) {
            throw new IllegalArgumentException("tile index " + index + " is negative");
        }
        if (width < 1 || width > FULL_WIDTH) {
            throw new IllegalArgumentException("tile width " + width + " is outside 1.." + FULL_WIDTH);
        }
    }

    @Override
    public String path() {
        return TilePath.format(this);
    }

    /** The same tile at another width, e.g. the full tile a partial one grows into. */
    public Tile withWidth(int newWidth) {
        return new Tile(level, index, newWidth);
    }

    /**
     * The smallest tile that holds (or lets one recompute) the stored hash at
     * {@code storedHashIndex}: Go tlog's {@code TileForIndex} with height 8.
     */
    public static Tile forStoredHash(long storedHashIndex) {
        CompleteSubtree subtree = StoredHashLayout.subtreeAt(storedHashIndex);
        int tileLevel = subtree.level() / HEIGHT;
        int levelInTile = subtree.level() % HEIGHT;
        // The subtree spans bottom-row positions [first, end) of the tile level.
        long first = subtree.index() << levelInTile;
        long end = (subtree.index() + 1) << levelInTile;
        long tileIndex = first >> HEIGHT;
        return new Tile(tileLevel, tileIndex, Math.toIntExact(end - (tileIndex << HEIGHT)));
    }

    /**
     * Width of tile {@code (level, index)} in the tree of {@code treeSize} leaves: 256 when full,
     * 1..255 when partial, 0 when the tree has no such tile yet. A web layer serves a partial tile
     * only if this equals the requested width for the size of a published checkpoint.
     */
    public static int widthAt(int level, long index, long treeSize) {
        StoredHashLayout.checkTreeSize(treeSize);
        int bottomLevel = HEIGHT * level;
        // Java masks shift distances to 6 bits, so a high tile level must not wrap around.
        long hashesAtLevel = bottomLevel >= Long.SIZE - 1 ? 0 : treeSize >> bottomLevel;
        long fullTilesBefore = hashesAtLevel >> HEIGHT;
        if (index > fullTilesBefore) {
            return 0;
        }
        return (int) Math.min(FULL_WIDTH, hashesAtLevel - (index << HEIGHT));
    }

    /**
     * Tiles whose content is new or grew when the tree goes from {@code oldSize} to {@code newSize}
     * leaves (Go tlog's {@code NewTiles}): what a sequencer must (re)publish after a checkpoint.
     * Full tiles come at width 256, the right edge of each level as a partial tile.
     */
    public static List<Tile> changedBetween(long oldSize, long newSize) {
        StoredHashLayout.checkTreeSize(newSize);
        if (oldSize < 0 || oldSize > newSize) {
            throw new IllegalArgumentException("need 0 <= oldSize <= newSize, got " + oldSize + " and " + newSize);
        }
        List<Tile> tiles = new ArrayList<>();
        for (int level = 0; HEIGHT * level < Long.SIZE - 1 && newSize >> (HEIGHT * level) > 0; level++) {
            long oldHashes = oldSize >> (HEIGHT * level);
            long newHashes = newSize >> (HEIGHT * level);
            if (oldHashes == newHashes) {
                continue;
            }
            for (long n = oldHashes >> HEIGHT; n < newHashes >> HEIGHT; n++) {
                tiles.add(new Tile(level, n, FULL_WIDTH));
            }
            int partialWidth = (int) (newHashes & (FULL_WIDTH - 1));
            if (partialWidth > 0) {
                tiles.add(new Tile(level, newHashes >> HEIGHT, partialWidth));
            }
        }
        return tiles;
    }
}
