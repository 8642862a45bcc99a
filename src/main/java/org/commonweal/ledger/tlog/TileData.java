package org.commonweal.ledger.tlog;

import java.util.Arrays;
import java.util.List;
import org.commonweal.ledger.tlog.internal.HashReads;

/**
 * Tile contents: built from stored hashes, and stored hashes recovered from them.
 */
public final class TileData {

    private TileData() {
    }

    /**
     * The bytes of {@code tile} (Go tlog's {@code ReadTileData}): its {@code width} bottom-row hashes,
     * concatenated, read in one batch.
     */
    public static byte[] read(Tile tile, HashReader reader) {
        int treeLevel = Tile.HEIGHT * tile.level();
        long[] indexes = new long[tile.width()];
        for (int i = 0; i < indexes.length; i++) {
            indexes[i] = StoredHashLayout.index(treeLevel, (tile.index() << Tile.HEIGHT) + i);
        }
        List<byte[]> hashes = HashReads.read(reader, indexes);
        byte[] data = new byte[indexes.length * MerkleHash.SIZE];
        for (int i = 0; i < hashes.size(); i++) {
            System.arraycopy(hashes.get(i), 0, data, i * MerkleHash.SIZE, MerkleHash.SIZE);
        }
        return data;
    }

    /**
     * The stored hash at {@code storedHashIndex}, taken from or recomputed out of the data of
     * {@code tile} (Go tlog's {@code HashFromTile}). The tile must be the one
     * {@link Tile#forStoredHash} names, at that width or wider.
     */
    public static byte[] hashFromTile(Tile tile, byte[] data, long storedHashIndex) {
        if (data.length != tile.width() * MerkleHash.SIZE) {
            throw new IllegalArgumentException("tile " + tile.path() + " needs " + tile.width() * MerkleHash.SIZE
                    + " bytes of data, got " + data.length);
        }
        Tile needed = Tile.forStoredHash(storedHashIndex);
        if (needed.level() != tile.level() || needed.index() != tile.index() || needed.width() > tile.width()) {
            throw new IllegalArgumentException("stored hash " + storedHashIndex + " is not in tile " + tile.path()
                    + "; it needs " + needed.path());
        }
        int levelInTile = StoredHashLayout.subtreeAt(storedHashIndex).level() % Tile.HEIGHT;
        int count = 1 << levelInTile;
        // The hash's subtree covers the last `count` bottom-row hashes of the minimal tile.
        int first = needed.width() - count;
        return perfectTreeHash(data, first, count);
    }

    // MTH of a power-of-two run of bottom-row hashes, pairing neighbours level by level.
    private static byte[] perfectTreeHash(byte[] data, int first, int count) {
        byte[][] level = new byte[count][];
        for (int i = 0; i < count; i++) {
            int offset = (first + i) * MerkleHash.SIZE;
            level[i] = Arrays.copyOfRange(data, offset, offset + MerkleHash.SIZE);
        }
        for (int size = count; size > 1; size /= 2) {
            for (int i = 0; i < size / 2; i++) {
                level[i] = MerkleHash.nodeHash(level[2 * i], level[2 * i + 1]);
            }
        }
        return level[0];
    }
}
