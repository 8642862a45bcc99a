package org.commonweal.ledger.internal;

import java.util.List;

import org.commonweal.ledger.LedgerErrorCode;
import org.commonweal.ledger.tlog.EntryTile;
import org.commonweal.ledger.tlog.StoredTree;
import org.commonweal.ledger.tlog.Tile;
import org.commonweal.ledger.tlog.TileData;
import org.commonweal.ledger.tlog.TilePath;
import org.commonweal.ledger.tlog.TilePathException;
import org.commonweal.ledger.tlog.TileResource;
import org.commonweal.platform.CommonwealException;
import org.springframework.stereotype.Component;

/**
 * Reads the published log: tiles, entry bundles and proofs, always relative to a tree size the log
 * has signed, and refuses out-of-range or malformed requests with a reason.
 */
@Component
public class LedgerReader {

    private final LedgerStore store;
    private final Sequencer sequencer;

    LedgerReader(LedgerStore store, Sequencer sequencer) {
        this.store = store;
        this.sequencer = sequencer;
    }

    public LedgerStore.SignedCheckpoint checkpoint() {
        return sequencer.latest();
    }

    /** The bytes of a hash tile or entry bundle at a tlog-tiles path such as {@code tile/0/x001/234.p/17}. */
    public byte[] tile(String path) {
        TileResource resource;
        try {
            resource = TilePath.parse(path);
        } catch (TilePathException e) {
            throw new CommonwealException(LedgerErrorCode.MALFORMED_TILE_PATH, e.getMessage());
        }
        long size = checkpoint().size();
        return switch (resource) {
            case Tile tile -> {
                requireAvailable(tile.width(), Tile.widthAt(tile.level(), tile.index(), size), path);
                // Level 0 is what a verifier downloads in bulk: one range scan, not one lookup per hash.
                long first = tile.index() << Tile.HEIGHT;
                yield tile.level() == 0 ? store.leafHashes(first, first + tile.width())
                        : TileData.read(tile, store.hashReader());
            }
            case EntryTile bundle -> {
                requireAvailable(bundle.width(), Tile.widthAt(0, bundle.index(), size), path);
                yield store.bundle(bundle.index(), bundle.width());
            }
        };
    }

    public LedgerStore.StoredEntry entry(long index) {
        long size = checkpoint().size();
        if (index < 0 || index >= size) {
            throw new CommonwealException(LedgerErrorCode.INDEX_OUT_OF_RANGE,
                    "Entry index must be between 0 and " + (size - 1) + " (the log has " + size + " entries)");
        }
        return store.entry(index).orElseThrow();
    }

    public List<byte[]> inclusionProof(long index, long treeSize) {
        requireSize(treeSize);
        if (index < 0 || index >= treeSize) {
            throw new CommonwealException(LedgerErrorCode.INDEX_OUT_OF_RANGE,
                    "Entry index must be between 0 and " + (treeSize - 1) + " for a tree of size " + treeSize);
        }
        return new StoredTree(store.hashReader()).inclusionProof(index, treeSize);
    }

    public List<byte[]> consistencyProof(long from, long to) {
        requireSize(to);
        if (from < 1 || from > to) {
            throw new CommonwealException(LedgerErrorCode.SIZE_OUT_OF_RANGE,
                    "A consistency proof needs 1 <= from <= to; got from=" + from + ", to=" + to);
        }
        return new StoredTree(store.hashReader()).consistencyProof(from, to);
    }

    public byte[] rootHash(long treeSize) {
        requireSize(treeSize);
        LedgerStore.SignedCheckpoint latest = checkpoint();
        return treeSize == latest.size() ? latest.root() : new StoredTree(store.hashReader()).rootHash(treeSize);
    }

    /** The leaf hash of an entry, as stored in the tree. */
    public byte[] leafHash(long index) {
        return store.hashReader().readHashes(new long[]{org.commonweal.ledger.tlog.StoredHashLayout.index(0, index)}).getFirst();
    }

    private void requireSize(long treeSize) {
        long size = checkpoint().size();
        if (treeSize < 1 || treeSize > size) {
            throw new CommonwealException(LedgerErrorCode.SIZE_OUT_OF_RANGE,
                    "Tree size must be between 1 and " + size + " (the latest signed checkpoint)");
        }
    }

    private static void requireAvailable(int wanted, int available, String path) {
        boolean full = wanted == Tile.FULL_WIDTH;
        if (full ? available != Tile.FULL_WIDTH : wanted > available) {
            throw new CommonwealException(LedgerErrorCode.TILE_NOT_AVAILABLE,
                    "The log has no tile " + path + " at its latest signed size");
        }
    }
}
