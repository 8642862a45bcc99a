package org.commonweal.requests;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.commonweal.calendar.WorkingCalendar;

/**
 * A time limit as people state it: clock time for what cannot wait ({@code 30m}, {@code 2h}, {@code 24h}),
 * working hours ({@code 4wh}) or working days ({@code 7wd}) from the official calendar, so that
 * holidays and make-up workdays (调休) are respected.
 */
public record TimeLimit(long amount, Unit unit) {

    public enum Unit { MINUTES, HOURS, WORKING_HOURS, WORKING_DAYS }

    private static final Pattern FORMAT = Pattern.compile("(\\d{1,4})(m|h|wh|wd)");

    public TimeLimit {
        if (amount <= 0) {
            throw new IllegalArgumentException("A time limit must be positive");
        }
    }

    /** Parses {@code 30m}, {@code 2h}, {@code 4wh} or {@code 7wd}. */
    public static TimeLimit parse(String text) {
        Matcher matcher = FORMAT.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!matcher.matches()) {
            throw new IllegalArgumentException("A time limit looks like 30m, 2h, 4wh (working hours) or 7wd (working days), not '"
                    + text + "'");
        }
        long amount = Long.parseLong(matcher.group(1));
        Unit unit = switch (matcher.group(2)) {
            case "m" -> Unit.MINUTES;
            case "h" -> Unit.HOURS;
            case "wh" -> Unit.WORKING_HOURS;
            default -> Unit.WORKING_DAYS;
        };
        return new TimeLimit(amount, unit);
    }

    /** For binding settings. */
    public static TimeLimit valueOf(String text) {
        return parse(text);
    }

    /** The deadline of this limit for something that started at {@code start}. */
    public Instant deadline(Instant start, WorkingCalendar calendar) {
        return switch (unit) {
            case MINUTES -> start.plus(Duration.ofMinutes(amount));
            case HOURS -> start.plus(Duration.ofHours(amount));
            case WORKING_HOURS -> calendar.addWorkingHours(start, Duration.ofHours(amount));
            case WORKING_DAYS -> calendar.deadlineAfterWorkingDays(start, (int) amount);
        };
    }

    /** Whether the clock of this limit runs only during working time (so a pause is measured in working time too). */
    public boolean countsWorkingTime() {
        return unit == Unit.WORKING_HOURS || unit == Unit.WORKING_DAYS;
    }

    @Override
    public String toString() {
        return amount + switch (unit) {
            case MINUTES -> "m";
            case HOURS -> "h";
            case WORKING_HOURS -> "wh";
            case WORKING_DAYS -> "wd";
        };
    }
}
