package org.commonweal.requests.open311;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The span a list covers, both ends included. The spec limits a query to 90 days: without dates
 * the last 90 days, with one date the 90 days from or up to it, and a wider span is refused.
 */
record DateWindow(Instant start, Instant end) {

    static final Duration LIMIT = Duration.ofDays(90);

    static DateWindow of(HttpServletRequest request, Instant now, ZoneId zone) {
        String startDate = Params.text(request, "start_date");
        String endDate = Params.text(request, "end_date");
        Instant start = startDate == null ? null : Params.dateTime("start_date", startDate, zone, false);
        Instant end = endDate == null ? null : Params.dateTime("end_date", endDate, zone, true);
        if (start == null && end == null) {
            return new DateWindow(now.minus(LIMIT), now);
        }
        if (start == null) {
            return new DateWindow(end.minus(LIMIT), end);
        }
        if (end == null) {
            return new DateWindow(start, start.plus(LIMIT));
        }
        if (end.isBefore(start)) {
            throw Open311Error.badRequest("end_date is before start_date");
        }
        if (Duration.between(start, end).compareTo(LIMIT) > 0) {
            throw Open311Error.badRequest("start_date and end_date may span at most 90 days; ask for several spans");
        }
        return new DateWindow(start, end);
    }

    /** The first moment after the window: PostgreSQL keeps microseconds, so this includes the end. */
    Instant until() {
        return end.plus(1, ChronoUnit.MICROS);
    }
}
