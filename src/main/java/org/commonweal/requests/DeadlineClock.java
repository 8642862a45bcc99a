package org.commonweal.requests;

import java.time.Duration;
import java.time.Instant;

import org.commonweal.calendar.WorkingCalendar;
import org.springframework.stereotype.Component;

/**
 * The time limits of a request, from its category's class and the settings, counted on the
 * official calendar. While the department waits for the citizen the clock stops: on resuming,
 * the deadline moves by the time spent waiting (working time for limits in working days or hours).
 */
@Component
class DeadlineClock {

    private final RequestSettings settings;
    private final WorkingCalendar calendar;
    private final Categories categories;

    DeadlineClock(RequestSettings settings, WorkingCalendar calendar, Categories categories) {
        this.settings = settings;
        this.calendar = calendar;
        this.categories = categories;
    }

    Instant responseDue(Category category, Instant start) {
        return settings.response().of(category.timeLimit()).deadline(start, calendar);
    }

    Instant resolutionDue(Category category, Instant start) {
        return settings.resolution().of(category.timeLimit()).deadline(start, calendar);
    }

    /** The resolution deadline after a pause that began at {@code request.pausedAt()} and ends now. */
    Instant resumed(ServiceRequest request, Instant now) {
        if (request.pausedAt() == null || !now.isAfter(request.pausedAt())) {
            return request.resolutionDue();
        }
        TimeLimit limit = settings.resolution().of(categories.get(request.serviceCode()).timeLimit());
        if (limit.countsWorkingTime()) {
            Duration waited = calendar.workingTimeBetween(request.pausedAt(), now);
            return waited.isZero() ? request.resolutionDue() : calendar.addWorkingHours(request.resolutionDue(), waited);
        }
        return request.resolutionDue().plus(Duration.between(request.pausedAt(), now));
    }
}
