package org.commonweal.calendar;

import java.time.Duration;
import java.time.LocalTime;

/**
 * The daily office hours in which hour-based limits ("2 hours for emergencies") run.
 *
 * <p>Deliberately one window per day: most statutory limits are counted in whole working days,
 * and hour-based ones only need to stop overnight and on days off. A lunch break would be a
 * separate, later setting.
 *
 * @param opening start of the working window, inclusive
 * @param closing end of the working window, strictly after {@code opening} on the same day
 */
public record WorkingHours(LocalTime opening, LocalTime closing) {

    /** 09:00–17:00, eight hours. */
    public static final WorkingHours DEFAULT = new WorkingHours(LocalTime.of(9, 0), LocalTime.of(17, 0));

    public WorkingHours {
        Arguments.required(opening, "opening time");
        Arguments.required(closing, "closing time");
        if (!opening.isBefore(closing)) {
            throw new IllegalArgumentException(
                    "working hours: opening " + opening + " must be before closing " + closing);
        }
    }

    /** Length of one working day's window. */
    public Duration length() {
        return Duration.between(opening, closing);
    }

    @Override
    public String toString() {
        return opening + "–" + closing;
    }
}
