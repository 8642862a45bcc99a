package org.commonweal.requests;

/** How urgent a kind of request is; each class has a response and a resolution limit in the settings. */
public enum TimeLimitClass {
    /** Danger to life or property, for example a gas leak. */
    EMERGENCY,
    /** Water, power, gas or heating supply. */
    UTILITY,
    /** Most requests. */
    GENERAL,
    /** Needs investigation or several parties. */
    COMPLEX
}
