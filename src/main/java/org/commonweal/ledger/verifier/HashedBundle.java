package org.commonweal.ledger.verifier;

import java.util.Arrays;
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
        int offset = 0;
        int count = 0;
        while (offset < bytes.length) {
            if (count == width) {
                throw new VerificationFailure(bundle.path() + " holds more than the " + width + " entries it should");
            }
            if (bytes.length - offset < 2) {
                throw new VerificationFailure(bundle.path() + " is malformed: it ends inside the length of entry " + count);
            }
            int length = ((bytes[offset] & 0xFF) << 8) | (bytes[offset + 1] & 0xFF);
            offset += 2;
            if (bytes.length - offset < length) {
                throw new VerificationFailure(bundle.path() + " is malformed: entry " + count + " claims " + length
                        + " bytes but only " + (bytes.length - offset) + " remain");
            }
            hasher.leafHash(bytes, offset, length, leafHashes, count * MerkleHash.SIZE);
            offset += length;
            count++;
        }
        if (count != width) {
            throw new VerificationFailure(bundle.path() + " holds " + count + " entries, want " + width);
        }
        byte[] subtree = width == Tile.FULL_WIDTH ? hasher.perfectTreeHash(leafHashes) : null;
        return new HashedBundle(bundle, leafHashes, subtree);
    }

    byte[] leafHash(int positionInBundle) {
        return Arrays.copyOfRange(leafHashes, positionInBundle * MerkleHash.SIZE, (positionInBundle + 1) * MerkleHash.SIZE);
    }
}
