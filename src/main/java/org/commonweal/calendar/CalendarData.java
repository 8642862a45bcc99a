package org.commonweal.calendar;

import java.io.InputStream;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The published official calendar: which years are published, their holidays and their make-up
 * working days (调休上班). Consistency is checked here so a hand-built instance is as safe as a
 * parsed one.
 *
 * @param publishedYears years whose State Council notice is included
 * @param holidays       holiday periods, all inside published years, no day in two periods
 * @param makeUpWorkdays weekend days that are working days, none of them a holiday
 */
public record CalendarData(
        Set<Integer> publishedYears, List<Holiday> holidays, Set<LocalDate> makeUpWorkdays) {

    public CalendarData {
        publishedYears = sortedCopy(Arguments.required(publishedYears, "published years"));
        holidays = Arguments.required(holidays, "holidays").stream()
                .map(holiday -> Arguments.required(holiday, "holiday"))
                .sorted(Comparator.comparing(Holiday::from))
                .toList();
        makeUpWorkdays = sortedCopy(Arguments.required(makeUpWorkdays, "make-up workdays"));
        Map<LocalDate, Holiday> holidayByDay = checkHolidays(publishedYears, holidays);
        checkMakeUpWorkdays(publishedYears, makeUpWorkdays, holidayByDay);
    }

    /** No year published: every year is plain Monday to Friday. */
    public static CalendarData none() {
        return new CalendarData(Set.of(), List.of(), Set.of());
    }

    /**
     * Reads the JSON format of {@code calendar/cn-official-calendar.json}.
     *
     * @param sourceName where the JSON comes from, used in error messages
     * @throws IllegalArgumentException if the file is not valid JSON or the data is inconsistent
     */
    public static CalendarData parse(InputStream json, String sourceName) {
        return CalendarDataParser.parse(
                Arguments.required(json, "calendar data stream"),
                Arguments.required(sourceName, "calendar data source name"));
    }

    private static Map<LocalDate, Holiday> checkHolidays(Set<Integer> years, List<Holiday> holidays) {
        Map<LocalDate, Holiday> holidayByDay = new HashMap<>();
        for (Holiday holiday : holidays) {
            for (LocalDate day : holiday.days()) {
                if (!years.contains(day.getYear())) {
                    throw new IllegalArgumentException("holiday " + holiday.name() + " day " + day
                            + " lies in " + day.getYear() + ", which is not a published year");
                }
                Holiday other = holidayByDay.putIfAbsent(day, holiday);
                if (other != null) {
                    throw new IllegalArgumentException("date " + day + " is in two holidays: "
                            + other.name() + " and " + holiday.name());
                }
            }
        }
        return holidayByDay;
    }

    private static void checkMakeUpWorkdays(
            Set<Integer> years, Set<LocalDate> makeUpWorkdays, Map<LocalDate, Holiday> holidayByDay) {
        for (LocalDate day : makeUpWorkdays) {
            if (!years.contains(day.getYear())) {
                throw new IllegalArgumentException("make-up workday " + day + " lies in "
                        + day.getYear() + ", which is not a published year");
            }
            // Mon–Fri are working days anyway; a weekday here is a typo that would hide a holiday.
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                throw new IllegalArgumentException("make-up workday " + day + " is a "
                        + day.getDayOfWeek() + ", not a Saturday or Sunday");
            }
            Holiday holiday = holidayByDay.get(day);
            if (holiday != null) {
                throw new IllegalArgumentException("date " + day
                        + " is listed both as make-up workday and as holiday " + holiday.name());
            }
        }
    }

    private static <T extends Comparable<? super T>> SortedSet<T> sortedCopy(Collection<T> values) {
        TreeSet<T> copy = new TreeSet<>();
        for (T value : values) {
            copy.add(Arguments.required(value, "calendar entry"));
        }
        return Collections.unmodifiableSortedSet(copy);
    }
}
