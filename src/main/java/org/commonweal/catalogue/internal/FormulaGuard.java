package org.commonweal.catalogue.internal;

/**
 * Keeps spreadsheet programs from running what a cell says: a cell that starts with {@code = + - @}
 * (or a tab or carriage return) gets a leading apostrophe on export (OWASP "CSV injection"), and
 * the apostrophe is taken off again on import, so a round trip returns the same text.
 */
public final class FormulaGuard {

    private FormulaGuard() {
    }

    public static String neutralise(String cell) {
        return startsDangerously(cell, 0) ? "'" + cell : cell;
    }

    public static String restore(String cell) {
        return cell.length() > 1 && cell.charAt(0) == '\'' && startsDangerously(cell, 1) ? cell.substring(1) : cell;
    }

    private static boolean startsDangerously(String cell, int at) {
        if (cell.length() <= at) {
            return false;
        }
        char first = cell.charAt(at);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
    }
}
