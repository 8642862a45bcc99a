package org.commonweal.ledger.tlog;

import java.util.ArrayList;
import java.util.List;

/**
 * Stored hashes kept in a list, indexed by {@link StoredHashLayout} index. The reference
 * {@link HashReader}: for tests, tools, and as the model a database-backed store must behave like.
 * Not thread-safe.
 */
public final class InMemoryHashStore implements HashReader {

    private final List<byte[]> hashes = new ArrayList<>();
    private long treeSize;

    /** Appends leaves (as {@link MerkleHash#leafHash leaf hashes}) and returns the stored hashes added. */
    public List<StoredHash> appendLeafHashes(List<byte[]> leafHashes) {
        List<StoredHash> added = StoredHashes.append(treeSize, leafHashes, this);
        for (StoredHash row : added) {
            if (row.index() != hashes.size()) {
                throw new IllegalStateException("stored hash " + row.index() + " would leave a gap at " + hashes.size());
            }
            hashes.add(row.hash());
        }
        treeSize += leafHashes.size();
        return added;
    }

    public long treeSize() {
        return treeSize;
    }

    @Override
    public List<byte[]> readHashes(long[] indexes) {
        List<byte[]> result = new ArrayList<>(indexes.length);
        for (long index : indexes) {
            if (index < 0 || index >= hashes.size()) {
                throw new IllegalArgumentException("no stored hash at index " + index + "; " + hashes.size() + " are stored");
            }
            result.add(hashes.get((int) index).clone());
        }
        return result;
    }
}
