package org.commonweal.ledger.verifier;

import java.io.Serial;
import java.util.OptionalLong;

/**
 * The log served something that does not verify: a missing or malformed resource, a bad
 * signature, a hash that does not match. Distinct from an {@link java.io.IOException}, which means
 * the log could not be reached and says nothing about its honesty.
 *
 * <p>Unchecked because it has to cross {@link org.commonweal.ledger.TileReader} and executor
 * boundaries that cannot declare it.
 */
public final class VerificationFailure extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    private final long firstBadIndex;

    public VerificationFailure(String message) {
        super(message);
        this.firstBadIndex = -1;
    }

    public VerificationFailure(String message, Throwable cause) {
        super(message, cause);
        this.firstBadIndex = -1;
    }

    /** A failure pinned to one entry, the first (lowest) index found not to verify. */
    public VerificationFailure(long firstBadIndex, String message) {
        super(message);
        this.firstBadIndex = firstBadIndex;
    }

    public OptionalLong firstBadIndex() {
        return firstBadIndex < 0 ? OptionalLong.empty() : OptionalLong.of(firstBadIndex);
    }
}
