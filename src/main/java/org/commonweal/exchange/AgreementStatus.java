package org.commonweal.exchange;

/** Where an agreement stands. Only an ACTIVE agreement that has not passed its end date lets calls through. */
public enum AgreementStatus {
    ACTIVE, SUSPENDED, REVOKED, EXPIRED;

    /** Revoked and expired agreements never come back. */
    public boolean isFinal() {
        return this == REVOKED || this == EXPIRED;
    }
}
