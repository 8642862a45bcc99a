package org.commonweal.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The official working-day calendar and deadline arithmetic.
 *
 * <p>A day is a working day if it is a listed make-up workday (调休上班), or else if it is Monday
 * to Friday and not inside a listed holiday. Years not in the data file are not published yet;
 * they are still answered, as plain Monday to Friday, and {@link #isPublished(int)} says so.
 *
 * <p>Periods follow the rule that the day on which a period starts is not counted
 * (期间开始之日不计算在期间内). Instances are immutable and thread-safe.
 */
public final class WorkingCalendar {

    /** The zone of China's official calendar. */
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");

    /**
     * Largest accepted amount, in working days (for hours: this many full working windows).
     * Statutory limits are tens of days; anything near this is a caller bug, not a deadline.
     */
    public static final int MAX_WORKING_DAYS = 3660;

    // The calendar span that MAX_WORKING_DAYS can reach, with room to spare (about 20 years).
    private static final long MAX_SPAN_DAYS = 2L * MAX_WORKING_DAYS;

    private final CalendarData data;
    private final Map<LocalDate, Holiday> holidayByDay;
    private final WorkingHours workingHours;
    private final ZoneId zone;

    public WorkingCalendar(CalendarData data, WorkingHours workingHours, ZoneId zone) {
        this.data = Arguments.required(data, "calendar data");
        this.workingHours = Arguments.required(workingHours, "working hours");
        this.zone = Arguments.required(zone, "zone");
        // Expanded once so that day-by-day loops do a hash lookup per day, not a scan of holidays.
        Map<LocalDate, Holiday> byDay = new HashMap<>();
        for (Holiday holiday : data.holidays()) {
            holiday.days().forEach(day -> byDay.put(day, holiday));
        }
        this.holidayByDay = Map.copyOf(byDay);
    }

    /** With {@link WorkingHours#DEFAULT} and {@link #DEFAULT_ZONE}. */
    public static WorkingCalendar of(CalendarData data) {
        return new WorkingCalendar(data, WorkingHours.DEFAULT, DEFAULT_ZONE);
    }

    public WorkingHours workingHours() {
        return workingHours;
    }

    public ZoneId zone() {
        return zone;
    }

    // ---- days -------------------------------------------------------------------------------

    public boolean isWorkingDay(LocalDate date) {
        Arguments.required(date, "date");
        if (data.makeUpWorkdays().contains(date)) {
            return true;
        }
        DayOfWeek dayOfWeek = date.getDayOfWeek();
        boolean weekend = dayOfWeek == DayOfWeek.SATURDAY || dayOfWeek == DayOfWeek.SUNDAY;
        return !weekend && !holidayByDay.containsKey(date);
    }

    /** The official holiday period the date falls in, if any. */
    public Optional<Holiday> holidayOn(LocalDate date) {
        return Optional.ofNullable(holidayByDay.get(Arguments.required(date, "date")));
    }

    /** Whether the date is a weekend day that is officially a working day (调休上班). */
    public boolean isMakeUpWorkday(LocalDate date) {
        return data.makeUpWorkdays().contains(Arguments.required(date, "date"));
    }

    /** Whether the year's official holidays are in the data; if not, plain Mon–Fri is assumed. */
    public boolean isPublished(int year) {
        return data.publishedYears().contains(year);
    }

    /** The published years, ascending, unmodifiable. */
    public Set<Integer> publishedYears() {
        return data.publishedYears();
    }

    /**
     * The {@code days}-th working day after {@code start}; {@code start} itself is never counted,
     * even when it is a working day. {@code days == 0} returns {@code start}.
     *
     * @throws IllegalArgumentException if {@code days} is negative or above {@link #MAX_WORKING_DAYS}
     */
    public LocalDate addWorkingDays(LocalDate start, int days) {
        Arguments.required(start, "start");
        requireDays(days);
        LocalDate day = start;
        for (int counted = 0; counted < days; ) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return day;
    }

    /**
     * The deadline of a limit of {@code days} working days from {@code start}: the end of the
     * {@code days}-th working day after the start's local date, i.e. the first instant of the
     * following calendar day in {@link #zone()}.
     *
     * <p>The deadline is exclusive: a case is overdue when {@code now >= deadline}, see
     * {@link #isOverdue(Instant, Instant)}. With {@code days == 0} it is the end of the start's day.
     */
    public Instant deadlineAfterWorkingDays(Instant start, int days) {
        LocalDate lastDay = addWorkingDays(localDate(Arguments.required(start, "start")), days);
        return lastDay.plusDays(1).atStartOfDay(zone).toInstant();
    }

    // ---- hours ------------------------------------------------------------------------------

    /**
     * The instant at which {@code amount} of working time has passed since {@code start}, counting
     * only time inside {@link #workingHours()} on working days. A start outside working hours
     * begins at the next opening; a limit that uses up a day exactly ends at that day's closing.
     * A zero amount returns {@code start} unchanged.
     *
     * @throws IllegalArgumentException if {@code amount} is negative or longer than
     *                                  {@link #MAX_WORKING_DAYS} working windows
     */
    public Instant addWorkingHours(Instant start, Duration amount) {
        Arguments.required(start, "start");
        Duration remaining = requireAmount(amount);
        if (remaining.isZero()) {
            return start;
        }
        for (LocalDate day = localDate(start); ; day = day.plusDays(1)) {
            if (!isWorkingDay(day)) {
                continue;
            }
            Instant closing = at(day, workingHours.closing());
            Instant from = latest(start, at(day, workingHours.opening()));
            if (!from.isBefore(closing)) {
                continue;
            }
            Duration available = Duration.between(from, closing);
            if (remaining.compareTo(available) <= 0) {
                return from.plus(remaining);
            }
            remaining = remaining.minus(available);
        }
    }

    /**
     * Working time inside {@link #workingHours()} on working days between {@code from} and
     * {@code to}; zero if {@code to} is not after {@code from}. The inverse of
     * {@link #addWorkingHours(Instant, Duration)}.
     *
     * @throws IllegalArgumentException if the two instants are more than about 20 years apart
     */
    public Duration workingTimeBetween(Instant from, Instant to) {
        Arguments.required(from, "from");
        Arguments.required(to, "to");
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        LocalDate first = localDate(from);
        LocalDate last = localDate(to);
        if (ChronoUnit.DAYS.between(first, last) > MAX_SPAN_DAYS) {
            throw new IllegalArgumentException("working time between " + from + " and " + to
                    + ": span is more than " + MAX_SPAN_DAYS + " days");
        }
        Duration total = Duration.ZERO;
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            if (!isWorkingDay(day)) {
                continue;
            }
            Instant windowStart = latest(from, at(day, workingHours.opening()));
            Instant windowEnd = earliest(to, at(day, workingHours.closing()));
            if (windowStart.isBefore(windowEnd)) {
                total = total.plus(Duration.between(windowStart, windowEnd));
            }
        }
        return total;
    }

    /** Whether a deadline from this calendar has passed: deadlines are exclusive, {@code now >= deadline}. */
    public boolean isOverdue(Instant deadline, Instant now) {
        Arguments.required(deadline, "deadline");
        return !Arguments.required(now, "now").isBefore(deadline);
    }

    @Override
    public String toString() {
        return "WorkingCalendar[published=" + publishedYears() + ", hours=" + workingHours
                + ", zone=" + zone + "]";
    }

    // ---- helpers ----------------------------------------------------------------------------

    private static void requireDays(int days) {
        if (days < 0) {
            throw new IllegalArgumentException("working days must not be negative: " + days);
        }
        if (days > MAX_WORKING_DAYS) {
            throw new IllegalArgumentException(
                    "working days " + days + " exceed the limit of " + MAX_WORKING_DAYS);
        }
    }

    private Duration requireAmount(Duration amount) {
        Arguments.required(amount, "amount");
        if (amount.isNegative()) {
            throw new IllegalArgumentException("working time must not be negative: " + amount);
        }
        Duration max = workingHours.length().multipliedBy(MAX_WORKING_DAYS);
        if (amount.compareTo(max) > 0) {
            throw new IllegalArgumentException("working time " + amount + " exceeds the limit of "
                    + MAX_WORKING_DAYS + " working days (" + max + ")");
        }
        return amount;
    }

    private LocalDate localDate(Instant instant) {
        return instant.atZone(zone).toLocalDate();
    }

    private Instant at(LocalDate day, LocalTime time) {
        return ZonedDateTime.of(day, time, zone).toInstant();
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant earliest(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
