package org.commonweal.ledger.tlog;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link HashReader} over tiles, for logs that keep tiles rather than individual stored hashes:
 * every stored hash of a tree is in, or recomputable from, one of its tiles.
 *
 * <p>It trusts its {@link TileReader}, like any storage; it does not authenticate tiles against a
 * signed root the way Go's client-side {@code TileHashReader} does. A client that fetches tiles
 * from an untrusted server should verify what it derives (e.g. the root) against a checkpoint.
 */
public final class TileHashReader implements HashReader {

    private final long treeSize;
    private final TileReader tiles;

    /** Reads hashes of the tree of {@code treeSize} leaves, fetching each tile at its width for that size. */
    public TileHashReader(long treeSize, TileReader tiles) {
        StoredHashLayout.checkTreeSize(treeSize);
        this.treeSize = treeSize;
        this.tiles = tiles;
    }

    @Override
    public List<byte[]> readHashes(long[] indexes) {
        // Proof nodes often share a tile; fetch each tile once per batch.
        Map<Tile, byte[]> fetched = new HashMap<>();
        List<byte[]> hashes = new ArrayList<>(indexes.length);
        for (long index : indexes) {
            CompleteSubtree subtree = StoredHashLayout.subtreeAt(index);
            if (subtree.endLeaf() > treeSize) {
                throw new IllegalArgumentException("stored hash " + index + " (level " + subtree.level() + ", index "
                        + subtree.index() + ") is not part of a tree of size " + treeSize);
            }
            Tile minimal = Tile.forStoredHash(index);
            Tile tile = minimal.withWidth(Tile.widthAt(minimal.level(), minimal.index(), treeSize));
            byte[] data = fetched.computeIfAbsent(tile, this::readChecked);
            hashes.add(TileData.hashFromTile(tile, data, index));
        }
        return hashes;
    }

    private byte[] readChecked(Tile tile) {
        byte[] data = tiles.readTile(tile);
        if (data.length != tile.width() * MerkleHash.SIZE) {
            throw new IllegalStateException("tile reader returned " + data.length + " bytes for " + tile.path()
                    + ", want " + tile.width() * MerkleHash.SIZE);
        }
        return data;
    }
}
