package org.commonweal.catalogue.internal;

/**
 * Keeps spreadsheet programs from running what a cell says: a cell that starts with {@code = + - @}
 * (or a tab or carriage return) gets a leading apostrophe on export (OWASP "CSV injection"), and
 * the apostrophe is taken off again on import, so a round trip returns the same text. A cell that
 * already starts with apostrophes before such a character gets one more, so it too comes back intact.
 */
public final class FormulaGuard {

    private FormulaGuard() {
    }

    public static String neutralise(String cell) {
        return needsGuard(cell, 0) ? "'" + cell : cell;
    }

    public static String restore(String cell) {
        return !cell.isEmpty() && cell.charAt(0) == '\'' && needsGuard(cell, 1) ? cell.substring(1) : cell;
    }

    /** Whether the text from {@code from} on, after any apostrophes, starts with a character that begins a formula. */
    private static boolean needsGuard(String cell, int from) {
        int at = from;
        while (at < cell.length() && cell.charAt(at) == '\'') {
            at++;
        }
        if (at >= cell.length()) {
            return false;
        }
        char first = cell.charAt(at);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
    }
}
