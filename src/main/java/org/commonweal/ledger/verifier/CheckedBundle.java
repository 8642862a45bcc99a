package org.commonweal.ledger.verifier;

import java.util.Arrays;
import java.util.List;
import org.commonweal.ledger.tlog.EntryBundle;
import org.commonweal.ledger.tlog.EntryTile;
import org.commonweal.ledger.tlog.MerkleHash;
import org.commonweal.ledger.tlog.Tile;
import org.jspecify.annotations.Nullable;

/**
 * One entry bundle whose entries were re-hashed and found equal to the log's level-0 hash tile
 * for the same range. Checking is the CPU-heavy part of a run, so it happens on the download
 * threads, and only this small result (the leaf hashes, 32 bytes per entry) is passed on.
 *
 * @param bundle which bundle, at its width for the checkpoint's size
 * @param leafHashes the {@code width} leaf hashes, concatenated
 * @param subtreeHash for a full bundle, the hash of its 256 leaves (a level-8 node of the tree);
 *     null for the partial bundle at the end
 */
record CheckedBundle(EntryTile bundle, byte[] leafHashes, byte @Nullable [] subtreeHash) {

    /**
     * Decodes the bundle, hashes every entry and compares with the served leaf hashes.
     *
     * @throws VerificationFailure naming the first index whose entry and leaf hash differ, or the
     *     bundle if it is malformed or has the wrong number of entries
     */
    static CheckedBundle check(EntryTile bundle, byte[] bundleBytes, byte[] levelZeroTile) {
        List<byte[]> entries;
        try {
            entries = EntryBundle.decode(bundleBytes);
        } catch (IllegalArgumentException e) {
            throw new VerificationFailure(bundle.path() + " is malformed: " + e.getMessage(), e);
        }
        if (entries.size() != bundle.width()) {
            throw new VerificationFailure(bundle.path() + " holds " + entries.size() + " entries, want " + bundle.width());
        }
        if (levelZeroTile.length != bundle.width() * MerkleHash.SIZE) {
            throw new VerificationFailure("level-0 tile for " + bundle.path() + " is " + levelZeroTile.length
                    + " bytes, want " + bundle.width() * MerkleHash.SIZE);
        }
        BundleHasher hasher = new BundleHasher();
        for (int i = 0; i < entries.size(); i++) {
            byte[] entry = entries.get(i);
            byte[] leafHash = hasher.leafHash(entry, 0, entry.length);
            // Plain Arrays.equals, not MerkleHash.equal: these hashes are public, and comparing in
            // place spares a copy per entry.
            if (!Arrays.equals(leafHash, 0, MerkleHash.SIZE, levelZeroTile, i * MerkleHash.SIZE, (i + 1) * MerkleHash.SIZE)) {
                long index = bundle.firstEntry() + i;
                throw new VerificationFailure(index, "first bad index " + index + ": entry does not match its leaf hash in "
                        + new Tile(0, bundle.index(), bundle.width()).path());
            }
        }
        // Once they match, the served tile is the list of leaf hashes; no need to keep our own copy.
        byte[] subtree = bundle.width() == Tile.FULL_WIDTH ? hasher.perfectTreeHash(levelZeroTile) : null;
        return new CheckedBundle(bundle, levelZeroTile, subtree);
    }

    byte[] leafHash(int positionInBundle) {
        return Arrays.copyOfRange(leafHashes, positionInBundle * MerkleHash.SIZE, (positionInBundle + 1) * MerkleHash.SIZE);
    }
}
