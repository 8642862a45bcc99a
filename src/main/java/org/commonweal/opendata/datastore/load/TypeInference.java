package org.commonweal.opendata.datastore.load;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Pattern;

import org.commonweal.opendata.datastore.ColumnType;

/**
 * Narrows a column's type as values arrive: a column is an integer column while every non-empty
 * value is a whole number, decimal while every one is a number, date while every one is an ISO
 * date, and text otherwise. Numbers with leading zeros (postcodes, codes like 007) and thousands
 * separators stay text, so nothing is lost. What is accepted here is a subset of what PostgreSQL
 * reads for the type, so a column typed here always loads.
 */
public final class TypeInference {

    private static final Pattern INTEGER = Pattern.compile("-?(0|[1-9][0-9]{0,17})");
    private static final Pattern DECIMAL = Pattern.compile("-?(0|[1-9][0-9]{0,29})(\\.[0-9]{1,30})?([eE][-+]?[0-9]{1,2})?");
    private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

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

    static boolean isInteger(String v) {
        return v.length() <= 19 && INTEGER.matcher(v).matches();
    }

    static boolean isDecimal(String v) {
        return v.length() <= 70 && DECIMAL.matcher(v).matches();
    }

    static boolean isDate(String v) {
        if (v.length() != 10 || !DATE.matcher(v).matches()) {
            return false;
        }
        try {
            LocalDate date = LocalDate.parse(v);
            return date.getYear() >= 1;
        } catch (DateTimeException e) {
            return false;
        }
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
