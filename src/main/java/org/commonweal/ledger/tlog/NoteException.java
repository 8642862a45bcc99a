package org.commonweal.ledger.tlog;

import java.io.Serial;

/**
 * A signed note, checkpoint or note key was rejected. {@link #kind()} lets a web layer choose the
 * status code; the message says what was wrong.
 */
public class NoteException extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    public enum Kind {
        /** The note or its text breaks the signed-note format. */
        MALFORMED_NOTE,
        /** The note text is not a valid tlog-checkpoint body. */
        MALFORMED_CHECKPOINT,
        /** A signer or verifier key string is unusable. */
        INVALID_KEY,
        /** A signature by a trusted key did not verify: the whole note is rejected. */
        INVALID_SIGNATURE,
        /** No signature from any trusted key. */
        NO_TRUSTED_SIGNATURE
    }

    private final Kind kind;

    public NoteException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public NoteException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
