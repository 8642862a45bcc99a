package org.commonweal.ledger.tlog;

import java.io.Serial;

/**
 * A proof did not verify. The message says why, in words fit for an API error response.
 *
 * <p>Unchecked so that a forgotten catch fails closed: the request errors instead of being treated
 * as verified.
 */
public class ProofException extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    public ProofException(String reason) {
        super(reason);
    }
}
