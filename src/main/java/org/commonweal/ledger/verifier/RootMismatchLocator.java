package org.commonweal.ledger.verifier;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.commonweal.ledger.tlog.CompleteSubtree;
import org.commonweal.ledger.tlog.HashReader;
import org.commonweal.ledger.tlog.MerkleHash;
import org.commonweal.ledger.tlog.Tile;
import org.commonweal.ledger.tlog.TileHashReader;
import org.commonweal.ledger.tlog.TileReader;

/**
 * Explains a root mismatch: every entry matched its level-0 leaf hash, yet the leaves do not hash
 * to the signed root. The log's higher-level hash tiles can say where, but only once they are
 * authenticated, since they come from the same server:
 *
 * <ol>
 *   <li>the tiles' hashes for the root's complete subtrees must fold to the signed root; then
 *       those hashes are what the signature commits to;</li>
 *   <li>walking down from the leftmost subtree that differs from ours, each pair of children taken
 *       from the tiles must hash to their (already authenticated) parent, and the walk follows the
 *       left child if it differs, else the right one.</li>
 * </ol>
 *
 * The walk ends at a 256-entry bundle: below that the log serves no hashes except the level-0
 * tile, which matched the entries, so the bad entry cannot be named more precisely than its bundle.
 */
final class RootMismatchLocator {

    private static final int BUNDLE_LEVEL = Tile.HEIGHT;

    private final long size;
    private final List<byte[]> bundleSubtreeHashes;
    private final HashReader served;

    private RootMismatchLocator(long size, List<byte[]> bundleSubtreeHashes, LedgerClient client) {
        this.size = size;
        this.bundleSubtreeHashes = bundleSubtreeHashes;
        this.served = new TileHashReader(size, cachedTiles(client));
    }

    /** A failure message for the mismatch, as precise as the log's tiles allow. */
    static String explain(long size, byte[] signedRoot, List<byte[]> bundleSubtreeHashes, LedgerClient client) {
        String mismatch = "root mismatch at size " + size;
        try {
            return mismatch + new RootMismatchLocator(size, bundleSubtreeHashes, client).locate(signedRoot);
        } catch (UncheckedIOException e) {
            return mismatch + " (could not fetch the hash tiles to locate it: " + e.getCause().getMessage() + ")";
        } catch (VerificationFailure | IllegalArgumentException | IllegalStateException e) {
            return mismatch + " (could not locate it: " + e.getMessage() + ")";
        }
    }

    private String locate(byte[] signedRoot) {
        if (size == 0) {
            return ": an empty log's root must be the hash of nothing";
        }
        List<CompleteSubtree> parts = rootSubtrees(size);
        List<byte[]> servedParts = served.readHashes(parts.stream().mapToLong(CompleteSubtree::storedHashIndex).toArray());
        if (!MerkleHash.equal(foldFromRight(servedParts), signedRoot)) {
            return ": the log's own hash tiles do not reproduce the signed root either, so the bad entries cannot be located";
        }
        for (int i = 0; i < parts.size(); i++) {
            // Smaller subtrees lie inside the last, partial bundle; its level-0 tile matched the
            // entries and is the only thing the log's hashes for them come from, so they agree.
            if (parts.get(i).level() >= BUNDLE_LEVEL && !MerkleHash.equal(recomputed(parts.get(i)), servedParts.get(i))) {
                CompleteSubtree bad = descend(parts.get(i), servedParts.get(i));
                return ": entries [" + bad.firstLeaf() + ", " + bad.endLeaf() + ") do not hash to the subtree the signed "
                        + "root commits to; the first bad index is in that range";
            }
        }
        return "";
    }

    private CompleteSubtree descend(CompleteSubtree node, byte[] authenticatedHash) {
        while (node.level() > BUNDLE_LEVEL) {
            CompleteSubtree left = new CompleteSubtree(node.level() - 1, 2 * node.index());
            CompleteSubtree right = new CompleteSubtree(node.level() - 1, 2 * node.index() + 1);
            List<byte[]> children = served.readHashes(new long[] {left.storedHashIndex(), right.storedHashIndex()});
            if (!MerkleHash.equal(MerkleHash.nodeHash(children.get(0), children.get(1)), authenticatedHash)) {
                // The log's tiles contradict each other here; nothing below is authenticated.
                return node;
            }
            boolean leftDiffers = !MerkleHash.equal(recomputed(left), children.get(0));
            node = leftDiffers ? left : right;
            authenticatedHash = leftDiffers ? children.get(0) : children.get(1);
        }
        return node;
    }

    /** Our hash of a subtree of whole bundles, from the bundles' subtree hashes. */
    private byte[] recomputed(CompleteSubtree subtree) {
        int bundles = 1 << (subtree.level() - BUNDLE_LEVEL);
        int first = Math.toIntExact(subtree.index() * bundles);
        byte[] row = new byte[bundles * MerkleHash.SIZE];
        for (int i = 0; i < bundles; i++) {
            System.arraycopy(bundleSubtreeHashes.get(first + i), 0, row, i * MerkleHash.SIZE, MerkleHash.SIZE);
        }
        return new BundleHasher().perfectTreeHash(row);
    }

    /** The complete subtrees making up the tree of {@code size} leaves, left (largest) to right. */
    static List<CompleteSubtree> rootSubtrees(long size) {
        List<CompleteSubtree> parts = new ArrayList<>();
        long first = 0;
        for (int level = Long.SIZE - 2; level >= 0; level--) {
            if ((size >>> level & 1) == 1) {
                parts.add(new CompleteSubtree(level, first >>> level));
                first += 1L << level;
            }
        }
        return parts;
    }

    private static byte[] foldFromRight(List<byte[]> hashes) {
        byte[] hash = hashes.getLast();
        for (int i = hashes.size() - 2; i >= 0; i--) {
            hash = MerkleHash.nodeHash(hashes.get(i), hash);
        }
        return hash;
    }

    // The walk asks for neighbouring hashes that mostly live in the same few tiles.
    private static TileReader cachedTiles(LedgerClient client) {
        Map<Tile, byte[]> cache = new HashMap<>();
        return tile -> cache.computeIfAbsent(tile, t -> {
            try {
                return client.tile(t);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
