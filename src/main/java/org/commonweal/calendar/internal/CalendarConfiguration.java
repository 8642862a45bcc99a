package org.commonweal.calendar.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.IntStream;
import org.commonweal.calendar.CalendarData;
import org.commonweal.calendar.WorkingCalendar;
import org.commonweal.calendar.WorkingHours;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;

/** Creates the {@link WorkingCalendar} bean from {@link CalendarSettings}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CalendarSettings.class)
public class CalendarConfiguration {

    private static final Logger log = LoggerFactory.getLogger(CalendarConfiguration.class);

    @Bean
    WorkingCalendar workingCalendar(CalendarSettings settings, ResourceLoader resources, Clock clock) {
        CalendarData data;
        try (InputStream in = resources.getResource(settings.dataFile()).getInputStream()) {
            data = CalendarData.parse(in, settings.dataFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read calendar data " + settings.dataFile(), e);
        }
        ZoneId zone = zone(settings.zone());
        WorkingCalendar calendar = new WorkingCalendar(
                data, new WorkingHours(settings.opening(), settings.closing()), zone);
        log.info("Working calendar {}: official holidays published for {}, working hours {} {}",
                settings.dataFile(), calendar.publishedYears(), calendar.workingHours(), zone);
        // A missing year is not an error (the calendar still works), but deadlines would silently
        // ignore that year's holidays, so whoever runs the platform must see it.
        for (int year : unpublishedUpcomingYears(calendar, LocalDate.now(clock.withZone(zone)))) {
            log.warn("Working calendar {}: official holidays for {} are not published; plain Mon–Fri"
                    + " is assumed for {} until the State Council notice is added",
                    settings.dataFile(), year, year);
        }
        return calendar;
    }

    /** The current and next year, whichever of them is not published. */
    static List<Integer> unpublishedUpcomingYears(WorkingCalendar calendar, LocalDate today) {
        return IntStream.of(today.getYear(), today.getYear() + 1)
                .filter(year -> !calendar.isPublished(year))
                .boxed()
                .toList();
    }

    private static ZoneId zone(String zone) {
        try {
            return ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(
                    "commonweal.calendar.zone '" + zone + "' is not a time zone", e);
        }
    }
}
