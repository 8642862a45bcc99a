package org.commonweal.ledger.verifier;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.OptionalLong;
import org.commonweal.ledger.tlog.Checkpoint;
import org.commonweal.ledger.tlog.MerkleHash;
import org.commonweal.ledger.tlog.NoteException;
import org.commonweal.ledger.tlog.NoteVerifier;
import org.commonweal.ledger.tlog.ProofException;
import org.commonweal.ledger.tlog.ProofVerifier;
import org.commonweal.ledger.tlog.SignedNote;
import org.jspecify.annotations.Nullable;

/**
 * Audits a ledger over HTTP, end to end:
 *
 * <ol>
 *   <li>the checkpoint must carry a valid signature by the trusted key;</li>
 *   <li>every entry is downloaded and hashed, and the leaves must hash to the checkpoint's root;
 *       if they do not, the log's hash tiles, authenticated against the signed root, say which
 *       entry is the first bad one ({@link RootMismatchLocator});</li>
 *   <li>given the previous checkpoint, the log must not have shrunk, the same leaves must hash to
 *       the previous root at the previous size (this alone proves the log only grew), and the log's
 *       own consistency proof between the two must verify too, so a broken proof API is noticed.</li>
 * </ol>
 *
 * Reuses one HTTP client across runs; close it when done.
 */
public final class LedgerVerifier implements AutoCloseable {

    private final LedgerClient client;

    /**
     * @param baseUrl the log's base URL, e.g. {@code http://localhost:8080}
     * @throws IllegalArgumentException if it is not an absolute http(s) URL
     */
    public LedgerVerifier(URI baseUrl) {
        this.client = new LedgerClient(baseUrl);
    }

    /**
     * The key the log publishes at {@code /ledger/verifier-key}. Trusting it is trust on first use:
     * it proves nothing about a log that is already lying, only that later runs, pinned to this
     * key, will notice a change of key or history.
     *
     * @throws VerificationFailure if the log serves no usable key
     */
    public NoteVerifier fetchVerifierKey() throws IOException {
        String key = client.verifierKey();
        try {
            return NoteVerifier.fromVerifierKey(key);
        } catch (NoteException e) {
            throw new VerificationFailure("the log's verifier key is unusable: " + e.getMessage(), e);
        }
    }

    /**
     * Verifies the log's latest checkpoint and every entry under it.
     *
     * @param trusted the log's verifier key; null to fetch it (trust on first use)
     * @param previous the last checkpoint verified before, to check the log only grew since; or null
     * @return the outcome; a log that misbehaves gives a result that is not {@code ok}
     * @throws IOException if the log cannot be reached or a transfer breaks off
     */
    public VerificationResult verify(@Nullable NoteVerifier trusted, @Nullable VerifierState previous) throws IOException {
        Run run = new Run(System.nanoTime());
        try {
            run.key = trusted != null ? trusted : fetchVerifierKey();
            Checkpoint checkpoint = fetchCheckpoint(run.key);
            run.checkpoint = checkpoint;
            if (previous != null) {
                checkOriginAndGrowth(checkpoint, previous);
            }
            TreeReplay replay = new TreeReplay(client, checkpoint.size(), previous == null ? -1 : previous.size());
            run.replay = replay;
            replay.run();
            if (!MerkleHash.equal(replay.root(), checkpoint.rootHash())) {
                throw RootMismatchLocator.explain(checkpoint.size(), checkpoint.rootHash(), replay, client);
            }
            if (previous == null) {
                return run.success(OptionalLong.empty(), "verified " + checkpoint.size() + " entries");
            }
            checkConsistency(checkpoint, previous, replay.rootAtPreviousSize());
            return run.success(OptionalLong.of(previous.size()), "verified " + checkpoint.size()
                    + " entries, consistent with the previous checkpoint of size " + previous.size());
        } catch (VerificationFailure failure) {
            return run.failure(failure);
        }
    }

    private Checkpoint fetchCheckpoint(NoteVerifier key) throws IOException {
        byte[] note = client.checkpoint();
        try {
            // Only text vouched for by the trusted key is parsed, as the signed-note spec requires.
            return Checkpoint.parse(SignedNote.parse(note).verify(List.of(key)).text());
        } catch (NoteException e) {
            throw new VerificationFailure("checkpoint rejected: " + e.getMessage() + " (trusted key: " + key.verifierKey()
                    + ")", e);
        }
    }

    // Checked before downloading anything: either makes the whole replay pointless.
    private static void checkOriginAndGrowth(Checkpoint checkpoint, VerifierState previous) {
        if (!checkpoint.origin().equals(previous.origin())) {
            throw new VerificationFailure("checkpoint origin \"" + checkpoint.origin() + "\" is not the origin \""
                    + previous.origin() + "\" of the previous checkpoint");
        }
        if (checkpoint.size() < previous.size()) {
            throw new VerificationFailure("log shrank: checkpoint size " + checkpoint.size()
                    + " is smaller than the previous checkpoint's size " + previous.size());
        }
    }

    private void checkConsistency(Checkpoint checkpoint, VerifierState previous, byte @Nullable [] rootAtPreviousSize)
            throws IOException {
        if (rootAtPreviousSize == null) {
            throw new IllegalStateException("replay did not pass the previous size " + previous.size());
        }
        if (!MerkleHash.equal(rootAtPreviousSize, previous.root())) {
            throw new VerificationFailure("log forked: its first " + previous.size() + " entries now hash to root "
                    + base64(rootAtPreviousSize) + ", but the previous checkpoint of size " + previous.size()
                    + " has root " + base64(previous.root()));
        }
        // Sizes 0 and "unchanged" have no proof to check (ProofVerifier refuses size 0 outright).
        if (previous.size() == 0 || previous.size() == checkpoint.size()) {
            return;
        }
        String answer = client.consistencyProof(previous.size(), checkpoint.size());
        List<byte[]> proof = ConsistencyProofResponse.parse(answer, previous.size(), checkpoint.size());
        try {
            ProofVerifier.verifyConsistency(previous.size(), checkpoint.size(), proof, previous.root(), checkpoint.rootHash());
        } catch (ProofException e) {
            throw new VerificationFailure("the log's consistency proof from size " + previous.size() + " to "
                    + checkpoint.size() + " does not verify: " + e.getMessage(), e);
        }
    }

    private static String base64(byte[] hash) {
        return Base64.getEncoder().encodeToString(hash);
    }

    @Override
    public void close() {
        client.close();
    }

    /** What one run got as far as, so a failure can report it. */
    private static final class Run {

        private final long startedNanos;
        private @Nullable NoteVerifier key;
        private @Nullable Checkpoint checkpoint;
        private @Nullable TreeReplay replay;

        Run(long startedNanos) {
            this.startedNanos = startedNanos;
        }

        VerificationResult success(OptionalLong previousSize, String message) {
            return result(true, OptionalLong.empty(), previousSize, message);
        }

        VerificationResult failure(VerificationFailure failure) {
            return result(false, failure.firstBadIndex(), OptionalLong.empty(), failure.getMessage());
        }

        private VerificationResult result(boolean ok, OptionalLong firstBadIndex, OptionalLong previousSize, String message) {
            // Every entry was hashed, but only those before the first bad one are known to be good.
            long verified = firstBadIndex.isPresent() ? firstBadIndex.getAsLong()
                    : replay == null || !ok ? 0 : replay.entriesHashed();
            return new VerificationResult(ok, checkpoint, key == null ? null : key.verifierKey(), verified,
                    Duration.ofNanos(System.nanoTime() - startedNanos), firstBadIndex, previousSize, message);
        }
    }
}
