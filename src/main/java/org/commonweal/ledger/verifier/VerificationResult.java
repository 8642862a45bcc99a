package org.commonweal.ledger.verifier;

import java.time.Duration;
import java.util.OptionalLong;
import org.commonweal.ledger.tlog.Checkpoint;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of one verification run.
 *
 * @param ok whether everything verified
 * @param checkpoint the checkpoint whose signature verified; null if it never got that far
 * @param verifierKey the key the checkpoint was checked against; null if none could be obtained
 * @param entriesVerified entries re-hashed and found to match, counted from index 0
 * @param elapsed wall-clock time of the whole run, downloads included
 * @param firstBadIndex the lowest index known not to verify, when it could be pinned to one entry
 * @param previousSize the size of the previous checkpoint this one was found consistent with, if any
 * @param message what happened, in plain English; on failure, the reason
 */
public record VerificationResult(boolean ok, @Nullable Checkpoint checkpoint, @Nullable String verifierKey,
        long entriesVerified, Duration elapsed, OptionalLong firstBadIndex, OptionalLong previousSize, String message) {

    /** The checkpoint's tree size, 0 if there is no verified checkpoint. */
    public long size() {
        return checkpoint == null ? 0 : checkpoint.size();
    }

    /** The checkpoint's root hash, null if there is no verified checkpoint. */
    public byte @Nullable [] root() {
        return checkpoint == null ? null : checkpoint.rootHash();
    }

    /** Verified entries per second of wall-clock time, rounded down. */
    public long entriesPerSecond() {
        long nanos = Math.max(1, elapsed.toNanos());
        return (long) (entriesVerified * 1e9 / nanos);
    }
}
