package org.commonweal.identity.web;

/** The shapes of text the identity forms accept, shared so every form refuses the same things. */
final class Inputs {

    /** Lower-case letters, digits, '.', '_' and '-', starting with a letter or digit. */
    static final String USERNAME = "[a-z0-9][a-z0-9._-]*";

    /** Any text but markup brackets and control characters. */
    static final String PLAIN_TEXT = "[^<>\\p{Cntrl}]*";

    /** One part of an organisation identifier. */
    static final String IDENTIFIER_PART = "[A-Za-z0-9][A-Za-z0-9._-]*";

    private Inputs() {
    }
}
