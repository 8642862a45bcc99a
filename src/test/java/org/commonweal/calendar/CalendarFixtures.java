package org.commonweal.calendar;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;

/** Shared test data: the shipped official calendar and Beijing-time helpers. */
final class CalendarFixtures {

    static final String RESOURCE = "/calendar/cn-official-calendar.json";

    private static final WorkingCalendar OFFICIAL = WorkingCalendar.of(loadOfficialData());

    private CalendarFixtures() {
    }

    /** The calendar built from the classpath copy of the reference file, 09:00–17:00, Asia/Shanghai. */
    static WorkingCalendar officialCalendar() {
        return OFFICIAL;
    }

    static CalendarData loadOfficialData() {
        try (InputStream in = CalendarFixtures.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + RESOURCE);
            }
            return CalendarData.parse(in, RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static CalendarData parse(String json) {
        return CalendarData.parse(
                new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "test.json");
    }

    /** Beijing local time, e.g. {@code beijing("2025-03-14T16:00")}. */
    static Instant beijing(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(WorkingCalendar.DEFAULT_ZONE).toInstant();
    }

    static LocalDate date(String isoDate) {
        return LocalDate.parse(isoDate);
    }
}
