package org.commonweal.requests;

/** The citizen's verdict on how the request was handled (满意 / 基本满意 / 不满意). */
public enum Rating {
    SATISFIED, BASICALLY_SATISFIED, DISSATISFIED;

    /** Satisfied and basically satisfied both count towards the satisfaction rate. */
    public boolean countsAsSatisfied() {
        return this != DISSATISFIED;
    }
}
