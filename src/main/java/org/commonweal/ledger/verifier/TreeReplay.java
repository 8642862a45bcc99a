package org.commonweal.ledger.verifier;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.commonweal.ledger.tlog.EntryTile;
import org.commonweal.ledger.tlog.Tile;
import org.jspecify.annotations.Nullable;

/**
 * Rebuilds a tree of {@code size} entries from the log's entry bundles: downloads and hashes each
 * bundle ({@link HashedBundle}) and folds the leaf hashes into a {@link MerkleFrontier} strictly in
 * index order.
 *
 * <p>Downloading and hashing run on virtual threads, a sliding window of {@value #WINDOW} bundles
 * ahead of the fold, so the network and both cores stay busy while memory stays bounded: only the
 * window's bundles are held, and per entry nothing but 1/256 of a hash (the bundle's subtree hash,
 * kept to locate a root mismatch) survives the fold. Because the fold is in index order, the first
 * failure it meets is the one at the lowest index, whatever order the downloads finished in.
 */
final class TreeReplay {

    /** Bundles downloaded ahead of the fold. */
    static final int WINDOW = 16;

    private final LedgerClient client;
    private final long size;
    private final long previousSize;
    private final MerkleFrontier frontier = new MerkleFrontier();
    private final List<byte[]> bundleSubtreeHashes = new ArrayList<>();
    private @Nullable HashedBundle partialBundle;
    private byte @Nullable [] rootAtPreviousSize;

    /**
     * @param size the checkpoint's tree size
     * @param previousSize a size whose root should be captured on the way, or -1 for none
     */
    TreeReplay(LedgerClient client, long size, long previousSize) {
        this.client = client;
        this.size = size;
        this.previousSize = previousSize;
    }

    /** Runs the whole replay; a malformed or missing bundle ends it with a {@link VerificationFailure}. */
    void run() throws IOException {
        captureRootIfAtPreviousSize();
        long bundles = (size + Tile.FULL_WIDTH - 1) >>> Tile.HEIGHT;
        Deque<Future<HashedBundle>> inFlight = new ArrayDeque<>();
        try (ExecutorService downloads = Executors.newVirtualThreadPerTaskExecutor()) {
            try {
                long next = 0;
                for (; next < bundles && inFlight.size() < WINDOW; next++) {
                    inFlight.add(submit(downloads, next));
                }
                while (!inFlight.isEmpty()) {
                    HashedBundle bundle = await(inFlight.removeFirst());
                    if (next < bundles) {
                        inFlight.add(submit(downloads, next++));
                    }
                    fold(bundle);
                }
            } finally {
                // After a failure the rest is moot; interrupting lets the executor close promptly.
                inFlight.forEach(future -> future.cancel(true));
            }
        }
    }

    /** Leaves folded so far: all {@code size} once {@link #run()} returned. */
    long entriesHashed() {
        return frontier.size();
    }

    /** The root recomputed from all {@code size} leaves; only after {@link #run()} returned. */
    byte[] root() {
        return frontier.root();
    }

    /** The root of the first {@code previousSize} leaves, null if no previous size was given. */
    byte @Nullable [] rootAtPreviousSize() {
        return rootAtPreviousSize == null ? null : rootAtPreviousSize.clone();
    }

    /** The level-8 subtree hash of every full bundle, in order: what the level-1 tiles should hold. */
    List<byte[]> bundleSubtreeHashes() {
        return bundleSubtreeHashes;
    }

    /** The partial bundle at the end, hashed; null if the size is a multiple of 256. */
    @Nullable HashedBundle partialBundle() {
        return partialBundle;
    }

    private Future<HashedBundle> submit(ExecutorService downloads, long bundleIndex) {
        return downloads.submit(() -> download(bundleIndex));
    }

    private HashedBundle download(long bundleIndex) throws IOException {
        int width = Tile.widthAt(0, bundleIndex, size);
        EntryTile bundle = new EntryTile(bundleIndex, width);
        return HashedBundle.hash(bundle, client.entryBundle(bundle));
    }

    private void fold(HashedBundle hashed) {
        if (hashed.bundle().isPartial()) {
            partialBundle = hashed;
        }
        long first = hashed.bundle().firstEntry();
        long end = first + hashed.bundle().width();
        boolean previousSizeInside = previousSize > first && previousSize < end;
        byte[] subtreeHash = hashed.subtreeHash();
        if (subtreeHash != null && !previousSizeInside) {
            frontier.appendSubtree(Tile.HEIGHT, subtreeHash);
        } else {
            // A partial bundle, or one the previous checkpoint ended inside: leaf by leaf, so the
            // root can be taken exactly at the previous size.
            for (int i = 0; i < hashed.bundle().width(); i++) {
                frontier.appendLeaf(hashed.leafHash(i));
                captureRootIfAtPreviousSize();
            }
        }
        captureRootIfAtPreviousSize();
        if (subtreeHash != null) {
            bundleSubtreeHashes.add(subtreeHash);
        }
    }

    private void captureRootIfAtPreviousSize() {
        if (rootAtPreviousSize == null && frontier.size() == previousSize) {
            rootAtPreviousSize = frontier.root();
        }
    }

    private static HashedBundle await(Future<HashedBundle> future) throws IOException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while verifying entries");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("bundle download failed", cause);
        }
    }
}
