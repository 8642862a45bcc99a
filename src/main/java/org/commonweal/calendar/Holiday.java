package org.commonweal.calendar;

import java.time.LocalDate;
import java.util.List;

/**
 * One official public holiday period (放假), both ends inclusive.
 *
 * <p>The period is the whole block of days off as the State Council notice states it, so it
 * usually includes weekend days as well.
 *
 * @param name   the official Chinese name, e.g. 春节
 * @param nameEn the English name, e.g. Spring Festival
 * @param from   first day off
 * @param to     last day off, not before {@code from}
 */
public record Holiday(String name, String nameEn, LocalDate from, LocalDate to) {

    public Holiday {
        Arguments.requiredText(name, "holiday name");
        Arguments.requiredText(nameEn, "holiday English name of " + name);
        Arguments.required(from, "from date of holiday " + name);
        Arguments.required(to, "to date of holiday " + name);
        if (from.isAfter(to)) {
            throw new IllegalArgumentException(
                    "holiday " + name + ": from " + from + " is after to " + to);
        }
    }

    public boolean covers(LocalDate date) {
        return !date.isBefore(from) && !date.isAfter(to);
    }

    /** Every day of the period, in order. */
    public List<LocalDate> days() {
        return from.datesUntil(to.plusDays(1)).toList();
    }
}
