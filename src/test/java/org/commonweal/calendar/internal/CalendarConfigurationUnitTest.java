package org.commonweal.calendar.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.commonweal.calendar.CalendarData;
import org.commonweal.calendar.WorkingCalendar;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.core.env.MapPropertySource;

class CalendarConfigurationUnitTest {

    private static WorkingCalendar calendarWith(Map<String, Object> properties) {
        try (var context = new AnnotationConfigApplicationContext()) {
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("test", properties));
            context.registerBean(java.time.Clock.class, java.time.Clock::systemUTC);
            context.register(CalendarConfiguration.class);
            context.refresh();
            return context.getBean(WorkingCalendar.class);
        }
    }

    @Nested
    class WorkingCalendarBean {

        @Test
        void defaultsLoadShippedDataInBeijingTimeNineToFive() {
            WorkingCalendar calendar = calendarWith(Map.of());
            assertThat(calendar.publishedYears()).containsExactly(2025, 2026);
            assertThat(calendar.zone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
            assertThat(calendar.workingHours().opening()).isEqualTo(LocalTime.of(9, 0));
            assertThat(calendar.workingHours().closing()).isEqualTo(LocalTime.of(17, 0));
        }

        @Test
        void propertiesOverrideWorkingHoursAndZone() {
            WorkingCalendar calendar = calendarWith(Map.of(
                    "commonweal.calendar.opening", "08:30",
                    "commonweal.calendar.closing", "17:30",
                    "commonweal.calendar.zone", "Asia/Urumqi"));
            assertThat(calendar.workingHours().opening()).isEqualTo(LocalTime.of(8, 30));
            assertThat(calendar.workingHours().closing()).isEqualTo(LocalTime.of(17, 30));
            assertThat(calendar.zone()).isEqualTo(ZoneId.of("Asia/Urumqi"));
        }

        @Test
        void unknownZoneFailsStartupNamingIt() {
            assertThatThrownBy(() -> calendarWith(Map.of("commonweal.calendar.zone", "Mars/Olympus")))
                    .rootCause().hasMessageContaining("Mars/Olympus");
        }

        @Test
        void missingDataFileFailsStartupNamingIt() {
            assertThatThrownBy(() -> calendarWith(Map.of("commonweal.calendar.data-file", "classpath:nope.json")))
                    .hasStackTraceContaining("classpath:nope.json");
        }
    }

    @Nested
    class UnpublishedUpcomingYears {

        private final WorkingCalendar calendar = WorkingCalendar.of(new CalendarData(
                Set.of(2025, 2026), List.of(), Set.of()));

        @Test
        void nothingWhenCurrentAndNextYearArePublished() {
            assertThat(CalendarConfiguration.unpublishedUpcomingYears(calendar, LocalDate.of(2025, 3, 1))).isEmpty();
        }

        @Test
        void nextYearWhenOnlyCurrentYearIsPublished() {
            assertThat(CalendarConfiguration.unpublishedUpcomingYears(calendar, LocalDate.of(2026, 6, 1)))
                    .containsExactly(2027);
        }

        @Test
        void bothYearsWhenNeitherIsPublished() {
            assertThat(CalendarConfiguration.unpublishedUpcomingYears(calendar, LocalDate.of(2031, 1, 1)))
                    .containsExactly(2031, 2032);
        }
    }
}
