package org.commonweal.opendata.datastore.load;

import java.time.YearMonth;

import org.commonweal.opendata.datastore.ColumnType;

/**
 * Narrows a column's type as values arrive: a column is an integer column while every non-empty
 * value is a whole number, decimal while every one is a number, date while every one is an ISO
 * date, and text otherwise. Numbers with leading zeros (postcodes, codes like 007) and thousands
 * separators stay text, so nothing is lost. What is accepted here is a subset of what PostgreSQL
 * reads for the type, so a column typed here always loads.
 */
public final class TypeInference {

    private enum State { EMPTY, INTEGER, DECIMAL, DATE, TEXT }

    private State state = State.EMPTY;
    private int longest;

    public void accept(String value) {
        longest = Math.max(longest, value.length());
        if (state == State.TEXT) {
            return;
        }
        String v = trimSpace(value);
        if (v.isEmpty()) {
            return;
        }
        state = switch (state) {
            case EMPTY -> isInteger(v) ? State.INTEGER : isDecimal(v) ? State.DECIMAL : isDate(v) ? State.DATE : State.TEXT;
            case INTEGER -> isInteger(v) ? State.INTEGER : isDecimal(v) ? State.DECIMAL : State.TEXT;
            case DECIMAL -> isDecimal(v) ? State.DECIMAL : State.TEXT;
            case DATE -> isDate(v) ? State.DATE : State.TEXT;
            case TEXT -> State.TEXT;
        };
    }

    /** The type for the values seen; a column of only empty cells is text. */
    public ColumnType type() {
        return switch (state) {
            case INTEGER -> ColumnType.INTEGER;
            case DECIMAL -> ColumnType.DECIMAL;
            case DATE -> ColumnType.DATE;
            case EMPTY, TEXT -> ColumnType.TEXT;
        };
    }

    /** The longest value seen, in characters. */
    public int longest() {
        return longest;
    }

    /** Whether a value counts as empty (a NULL in the table): nothing but spaces. */
    public static boolean isBlank(String value) {
        return trimSpace(value).isEmpty();
    }

    // Hand-written rather than regular expressions: every cell of a million-row file passes here.

    /** {@code -?(0|[1-9][0-9]{0,17})}: fits a 64-bit integer, no leading zeros. */
    static boolean isInteger(String v) {
        int start = v.startsWith("-") ? 1 : 0;
        int digits = v.length() - start;
        if (digits < 1 || digits > 18 || (v.charAt(start) == '0' && digits > 1)) {
            return false;
        }
        return allDigits(v, start, v.length());
    }

    /** {@code -?(0|[1-9][0-9]{0,29})(\.[0-9]{1,30})?([eE][-+]?[0-9]{1,2})?} */
    static boolean isDecimal(String v) {
        int i = v.startsWith("-") ? 1 : 0;
        int integerStart = i;
        while (i < v.length() && isDigit(v.charAt(i))) {
            i++;
        }
        int integerDigits = i - integerStart;
        if (integerDigits < 1 || integerDigits > 30 || (v.charAt(integerStart) == '0' && integerDigits > 1)) {
            return false;
        }
        if (i < v.length() && v.charAt(i) == '.') {
            int fractionStart = ++i;
            while (i < v.length() && isDigit(v.charAt(i))) {
                i++;
            }
            if (i - fractionStart < 1 || i - fractionStart > 30) {
                return false;
            }
        }
        if (i < v.length() && (v.charAt(i) == 'e' || v.charAt(i) == 'E')) {
            i++;
            if (i < v.length() && (v.charAt(i) == '-' || v.charAt(i) == '+')) {
                i++;
            }
            int exponentStart = i;
            while (i < v.length() && isDigit(v.charAt(i))) {
                i++;
            }
            if (i - exponentStart < 1 || i - exponentStart > 2) {
                return false;
            }
        }
        return i == v.length();
    }

    /** {@code yyyy-mm-dd}, a real day from year 1 to 9999. */
    static boolean isDate(String v) {
        if (v.length() != 10 || v.charAt(4) != '-' || v.charAt(7) != '-'
                || !allDigits(v, 0, 4) || !allDigits(v, 5, 7) || !allDigits(v, 8, 10)) {
            return false;
        }
        int year = Integer.parseInt(v, 0, 4, 10);
        int month = Integer.parseInt(v, 5, 7, 10);
        int day = Integer.parseInt(v, 8, 10, 10);
        return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= YearMonth.of(year, month).lengthOfMonth();
    }

    private static boolean allDigits(String v, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!isDigit(v.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** Removes the ASCII spaces PostgreSQL ignores around numbers and dates, and no other character. */
    public static String trimSpace(String value) {
        int start = 0;
        int end = value.length();
        while (start < end && isSpace(value.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(value.charAt(end - 1))) {
            end--;
        }
        return value.substring(start, end);
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\u000B' || c == '\f';
    }
}
