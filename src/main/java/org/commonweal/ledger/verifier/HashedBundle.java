package org.commonweal.ledger.verifier;

import java.util.Arrays;
import org.commonweal.ledger.tlog.EntryBundle;
import org.commonweal.ledger.tlog.EntryTile;
import org.commonweal.ledger.tlog.MerkleHash;
import org.commonweal.ledger.tlog.Tile;
import org.jspecify.annotations.Nullable;

/**
 * One entry bundle, hashed: the leaf hash of each of its entries and, for a full bundle, the hash
 * of the subtree they form. Hashing is the CPU-heavy part of a run, so it happens on the download
 * threads, and only this small result (32 bytes per entry) is passed on.
 *
 * <p>Nothing here is compared with the log's own hash tiles: the leaves must hash to the signed
 * root, and only if they do not are the tiles fetched to say where ({@link RootMismatchLocator}).
 * That halves what a run downloads.
 *
 * @param bundle which bundle, at its width for the checkpoint's size
 * @param leafHashes the {@code width} leaf hashes, concatenated
 * @param subtreeHash for a full bundle, the hash of its 256 leaves (a level-8 node of the tree);
 *     null for the partial bundle at the end
 */
record HashedBundle(EntryTile bundle, byte[] leafHashes, byte @Nullable [] subtreeHash) {

    /**
     * Hashes every entry in place, straight from the encoded bundle (uint16 length, then the entry).
     *
     * @throws VerificationFailure if the bundle is malformed or holds other than {@code width} entries
     */
    static HashedBundle hash(EntryTile bundle, byte[] bytes) {
        int width = bundle.width();
        byte[] leafHashes = new byte[width * MerkleHash.SIZE];
        BundleHasher hasher = new BundleHasher();
        int[] count = {0};
        int end;
        try {
            end = EntryBundle.walk(bytes, width, (position, entries, offset, length) -> {
                hasher.leafHash(entries, offset, length, leafHashes, position * MerkleHash.SIZE);
                count[0]++;
            });
        } catch (IllegalArgumentException e) {
            throw new VerificationFailure(bundle.path() + " is malformed: " + e.getMessage(), e);
        }
        if (end < bytes.length) {
            throw new VerificationFailure(bundle.path() + " holds more than the " + width + " entries it should");
        }
        if (count[0] != width) {
            throw new VerificationFailure(bundle.path() + " holds " + count[0] + " entries, want " + width);
        }
        byte[] subtree = width == Tile.FULL_WIDTH ? hasher.perfectTreeHash(leafHashes) : null;
        return new HashedBundle(bundle, leafHashes, subtree);
    }

    byte[] leafHash(int positionInBundle) {
        return Arrays.copyOfRange(leafHashes, positionInBundle * MerkleHash.SIZE, (positionInBundle + 1) * MerkleHash.SIZE);
    }
}
