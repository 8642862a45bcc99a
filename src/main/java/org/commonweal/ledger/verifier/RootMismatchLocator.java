package org.commonweal.ledger.verifier;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.commonweal.ledger.tlog.CompleteSubtree;
import org.commonweal.ledger.tlog.EntryTile;
import org.commonweal.ledger.tlog.HashReader;
import org.commonweal.ledger.tlog.MerkleHash;
import org.commonweal.ledger.tlog.Tile;
import org.commonweal.ledger.tlog.TileHashReader;
import org.commonweal.ledger.tlog.TileReader;
import org.jspecify.annotations.Nullable;

/**
 * Explains a root mismatch: the entries do not hash to the signed root. The log's hash tiles can
 * say where, but only once they are authenticated, since they come from the same server:
 *
 * <ol>
 *   <li>the tiles' hashes for the root's complete subtrees must fold to the signed root; then
 *       those hashes are what the signature commits to;</li>
 *   <li>walking down from the leftmost subtree that differs from ours, each pair of children taken
 *       from the tiles must hash to their (already authenticated) parent, and the walk follows the
 *       left child if it differs, else the right one.</li>
 * </ol>
 *
 * A walk that reaches a leaf names the first bad index: that entry does not hash to the leaf hash
 * the signature commits to. A walk that stops higher up, where the tiles contradict each other
 * (a server that rewrote an entry together with its level-0 hash), names the range below it.
 */
final class RootMismatchLocator {

    private static final int BUNDLE_LEVEL = Tile.HEIGHT;

    private final long size;
    private final List<byte[]> bundleSubtreeHashes;
    private final @Nullable HashedBundle partialBundle;
    private final LedgerClient client;
    private final HashReader served;
    private final Map<Long, HashedBundle> rehashed = new HashMap<>();

    private RootMismatchLocator(long size, TreeReplay replay, LedgerClient client) {
        this.size = size;
        this.bundleSubtreeHashes = replay.bundleSubtreeHashes();
        this.partialBundle = replay.partialBundle();
        this.client = client;
        this.served = new TileHashReader(size, cachedTiles(client));
    }

    /** A failure for the mismatch, as precise as the log's tiles allow. */
    static VerificationFailure explain(long size, byte[] signedRoot, TreeReplay replay, LedgerClient client) {
        String mismatch = "root mismatch at size " + size;
        try {
            return new RootMismatchLocator(size, replay, client).locate(mismatch, signedRoot);
        } catch (UncheckedIOException e) {
            return new VerificationFailure(mismatch + " (could not fetch the hash tiles to locate it: "
                    + e.getCause().getMessage() + ")");
        } catch (VerificationFailure | IllegalArgumentException | IllegalStateException e) {
            return new VerificationFailure(mismatch + " (could not locate it: " + e.getMessage() + ")");
        }
    }

    private VerificationFailure locate(String mismatch, byte[] signedRoot) {
        if (size == 0) {
            return new VerificationFailure(mismatch + ": an empty log's root must be the hash of nothing");
        }
        List<CompleteSubtree> parts = rootSubtrees(size);
        List<byte[]> servedParts = served.readHashes(parts.stream().mapToLong(CompleteSubtree::storedHashIndex).toArray());
        if (!MerkleHash.equal(foldFromRight(servedParts), signedRoot)) {
            return new VerificationFailure(mismatch + ": the log's own hash tiles do not reproduce the signed root either, "
                    + "so the bad entries cannot be located");
        }
        for (int i = 0; i < parts.size(); i++) {
            if (!MerkleHash.equal(recomputed(parts.get(i)), servedParts.get(i))) {
                CompleteSubtree bad = descend(parts.get(i), servedParts.get(i));
                if (bad.level() == 0) {
                    long index = bad.firstLeaf();
                    return new VerificationFailure(index, "first bad index " + index + ": the entry does not hash to the "
                            + "leaf hash the signed root of size " + size + " commits to");
                }
                return new VerificationFailure(mismatch + ": entries [" + bad.firstLeaf() + ", " + bad.endLeaf()
                        + ") do not hash to the subtree the signed root commits to; the first bad index is in that range");
            }
        }
        return new VerificationFailure(mismatch);
    }

    private CompleteSubtree descend(CompleteSubtree node, byte[] authenticatedHash) {
        while (node.level() > 0) {
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

    /**
     * Our hash of a complete subtree: from the bundles' subtree hashes down to a bundle, below that
     * from the leaf hashes of its bundle, which is downloaded and hashed again (the replay kept only
     * the partial bundle's; the walk needs at most one other).
     */
    private byte[] recomputed(CompleteSubtree subtree) {
        BundleHasher hasher = new BundleHasher();
        if (subtree.level() >= BUNDLE_LEVEL) {
            int bundles = 1 << (subtree.level() - BUNDLE_LEVEL);
            int first = Math.toIntExact(subtree.index() * bundles);
            byte[] row = new byte[bundles * MerkleHash.SIZE];
            for (int i = 0; i < bundles; i++) {
                System.arraycopy(bundleSubtreeHashes.get(first + i), 0, row, i * MerkleHash.SIZE, MerkleHash.SIZE);
            }
            return hasher.perfectTreeHash(row);
        }
        long bundleIndex = subtree.firstLeaf() >>> BUNDLE_LEVEL;
        HashedBundle bundle = partialBundle != null && partialBundle.bundle().index() == bundleIndex ? partialBundle
                : rehashed.computeIfAbsent(bundleIndex, this::downloadFullBundle);
        int from = Math.toIntExact(subtree.firstLeaf() - bundle.bundle().firstEntry()) * MerkleHash.SIZE;
        return hasher.perfectTreeHash(Arrays.copyOfRange(bundle.leafHashes(), from, from + (MerkleHash.SIZE << subtree.level())));
    }

    private HashedBundle downloadFullBundle(long bundleIndex) {
        EntryTile bundle = new EntryTile(bundleIndex, Tile.FULL_WIDTH);
        try {
            return HashedBundle.hash(bundle, client.entryBundle(bundle));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
