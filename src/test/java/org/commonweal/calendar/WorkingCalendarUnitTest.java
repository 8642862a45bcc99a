package org.commonweal.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.commonweal.calendar.CalendarFixtures.beijing;
import static org.commonweal.calendar.CalendarFixtures.date;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WorkingCalendarUnitTest {

    private final WorkingCalendar calendar = CalendarFixtures.officialCalendar();

    @Nested
    class IsWorkingDay {

        @ParameterizedTest
        @ValueSource(strings = {"2026-02-15", "2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19",
                "2026-02-20", "2026-02-21", "2026-02-22", "2026-02-23"})
        void springFestival2026DaysAreNotWorkingDays(String day) {
            assertThat(calendar.isWorkingDay(date(day))).isFalse();
        }

        @ParameterizedTest
        @ValueSource(strings = {"2025-10-01", "2025-10-02", "2025-10-03", "2025-10-04", "2025-10-05",
                "2025-10-06", "2025-10-07", "2025-10-08"})
        void nationalDay2025DaysAreHolidays(String day) {
            assertThat(calendar.isWorkingDay(date(day))).isFalse();
            assertThat(calendar.holidayOn(date(day))).hasValueSatisfying(holiday -> {
                assertThat(holiday.name()).isEqualTo("国庆节、中秋节");
                assertThat(holiday.nameEn()).isEqualTo("National Day and Mid-Autumn Festival");
            });
        }

        @ParameterizedTest
        @ValueSource(strings = {"2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20",
                "2026-10-10"})
        void makeUpSaturdayOrSundayCountsAsWorkingDay(String day) {
            assertThat(calendar.isWorkingDay(date(day))).isTrue();
            assertThat(calendar.isMakeUpWorkday(date(day))).isTrue();
            assertThat(calendar.holidayOn(date(day))).isEmpty();
        }

        @Test
        void plainWeekdayIsWorkingDayAndPlainWeekendIsNot() {
            assertThat(calendar.isWorkingDay(date("2025-03-14"))).isTrue();   // Friday
            assertThat(calendar.isWorkingDay(date("2025-03-15"))).isFalse();  // Saturday
            assertThat(calendar.isMakeUpWorkday(date("2025-03-14"))).isFalse();
        }

        @Test
        void weekdayInsideHolidayIsNotWorkingDay() {
            assertThat(calendar.isWorkingDay(date("2026-01-02"))).isFalse();  // Friday, 元旦
        }
    }

    @Nested
    class UnpublishedYear {

        @Test
        void unpublishedYearIsReportedAsSuch() {
            assertThat(calendar.isPublished(2031)).isFalse();
            assertThat(calendar.isPublished(2026)).isTrue();
            assertThat(calendar.publishedYears()).containsExactly(2025, 2026);
        }

        @Test
        void unpublishedYearHasPlainWeekdays() {
            assertThat(calendar.isWorkingDay(date("2031-01-01"))).isTrue();   // Wednesday, 元旦 unknown
            assertThat(calendar.isWorkingDay(date("2031-10-01"))).isTrue();   // Wednesday
            assertThat(calendar.isWorkingDay(date("2031-01-04"))).isFalse();  // Saturday
            assertThat(calendar.holidayOn(date("2031-01-01"))).isEmpty();
        }

        @Test
        void workingDaysInUnpublishedYearSkipOnlyTheWeekend() {
            // Wed 01-01 not counted; Thu 2, Fri 3, Mon 6, Tue 7, Wed 8.
            assertThat(calendar.addWorkingDays(date("2031-01-01"), 5)).isEqualTo(date("2031-01-08"));
        }
    }

    @Nested
    class AddWorkingDays {

        @Test
        void sevenWorkingDaysAfterMakeUpSundayCrossNationalDay() {
            // 2025-09-28 (Sun, make-up workday) is the start and not counted.
            // 09-29 Mon = 1, 09-30 Tue = 2, 10-01..10-08 holiday, 10-09 Thu = 3, 10-10 Fri = 4,
            // 10-11 Sat (make-up workday) = 5, 10-12 Sun off, 10-13 Mon = 6, 10-14 Tue = 7.
            assertThat(calendar.addWorkingDays(date("2025-09-28"), 7)).isEqualTo(date("2025-10-14"));
        }

        @Test
        void zeroDaysReturnsStartEvenOnHoliday() {
            assertThat(calendar.addWorkingDays(date("2025-10-01"), 0)).isEqualTo(date("2025-10-01"));
        }

        @Test
        void startOnHolidayCountsFromFirstWorkingDayAfterIt() {
            assertThat(calendar.addWorkingDays(date("2025-10-01"), 1)).isEqualTo(date("2025-10-09"));
        }

        @Test
        void startDayIsNotCountedEvenWhenWorkingDay() {
            assertThat(calendar.addWorkingDays(date("2025-03-13"), 1)).isEqualTo(date("2025-03-14"));
        }

        @Test
        void springFestival2026IsSkippedButMakeUpSaturdaysCount() {
            // Fri 02-13 start; Sat 02-14 make-up = 1; 02-15..02-23 off; Tue 02-24 = 2 ... Fri 02-27 = 5,
            // Sat 02-28 make-up = 6.
            assertThat(calendar.addWorkingDays(date("2026-02-13"), 6)).isEqualTo(date("2026-02-28"));
        }
    }

    @Nested
    class DeadlineAfterWorkingDays {

        @Test
        void deadlineIsStartOfDayAfterLastWorkingDay() {
            // Tue 2025-09-30; the 1st working day after it is Thu 10-09, which ends at 10-10 00:00.
            assertThat(calendar.deadlineAfterWorkingDays(beijing("2025-09-30T10:00"), 1))
                    .isEqualTo(beijing("2025-10-10T00:00"));
        }

        @Test
        void startLocalDateIsTakenInBeijingTime() {
            // 2025-09-29T17:00Z is already Tue 2025-09-30 01:00 in Beijing.
            assertThat(calendar.deadlineAfterWorkingDays(Instant.parse("2025-09-29T17:00:00Z"), 1))
                    .isEqualTo(beijing("2025-10-10T00:00"));
        }

        @Test
        void zeroDaysEndsWithTheStartDay() {
            assertThat(calendar.deadlineAfterWorkingDays(beijing("2025-03-14T16:00"), 0))
                    .isEqualTo(beijing("2025-03-15T00:00"));
        }
    }

    @Nested
    class AddWorkingHours {

        @Test
        void fridayAfternoonContinuesMondayMorning() {
            // One hour left on Fri 2025-03-14, the second from 09:00 on Mon 03-17.
            assertThat(calendar.addWorkingHours(beijing("2025-03-14T16:00"), Duration.ofHours(2)))
                    .isEqualTo(beijing("2025-03-17T10:00"));
        }

        @Test
        void fridayAfternoonContinuesOnMakeUpSaturday() {
            assertThat(calendar.addWorkingHours(beijing("2026-02-13T16:00"), Duration.ofHours(2)))
                    .isEqualTo(beijing("2026-02-14T10:00"));
        }

        @Test
        void makeUpSaturdayAfternoonContinuesAfterSpringFestival() {
            assertThat(calendar.addWorkingHours(beijing("2026-02-14T16:00"), Duration.ofHours(2)))
                    .isEqualTo(beijing("2026-02-24T10:00"));
        }

        @Test
        void startBeforeOpeningBeginsAtOpening() {
            assertThat(calendar.addWorkingHours(beijing("2025-03-17T07:00"), Duration.ofHours(1)))
                    .isEqualTo(beijing("2025-03-17T10:00"));
        }

        @Test
        void startOnSundayBeginsMondayAtOpening() {
            assertThat(calendar.addWorkingHours(beijing("2025-03-16T12:00"), Duration.ofMinutes(30)))
                    .isEqualTo(beijing("2025-03-17T09:30"));
        }

        @Test
        void fullWorkingDayEndsExactlyAtClosing() {
            assertThat(calendar.addWorkingHours(beijing("2025-03-17T09:00"), Duration.ofHours(8)))
                    .isEqualTo(beijing("2025-03-17T17:00"));
        }

        @Test
        void twentyFourWorkingHoursAreThreeWorkingDays() {
            assertThat(calendar.addWorkingHours(beijing("2025-03-17T09:00"), Duration.ofHours(24)))
                    .isEqualTo(beijing("2025-03-19T17:00"));
        }

        @Test
        void zeroAmountReturnsStartUnchanged() {
            Instant sundayNight = beijing("2025-03-16T23:00");
            assertThat(calendar.addWorkingHours(sundayNight, Duration.ZERO)).isEqualTo(sundayNight);
        }
    }

    @Nested
    class WorkingTimeBetween {

        @Test
        void weekendIsNotCounted() {
            assertThat(calendar.workingTimeBetween(beijing("2025-03-14T16:00"), beijing("2025-03-17T10:00")))
                    .isEqualTo(Duration.ofHours(2));
        }

        @Test
        void nationalDayIsNotCounted() {
            assertThat(calendar.workingTimeBetween(beijing("2025-09-30T09:00"), beijing("2025-10-09T09:00")))
                    .isEqualTo(Duration.ofHours(8));
        }

        @Test
        void reversedOrEqualInstantsGiveZero() {
            Instant monday = beijing("2025-03-17T10:00");
            assertThat(calendar.workingTimeBetween(monday, monday)).isZero();
            assertThat(calendar.workingTimeBetween(monday, beijing("2025-03-17T09:30"))).isZero();
        }

        @Test
        void nightTimeIsNotCounted() {
            assertThat(calendar.workingTimeBetween(beijing("2025-03-17T18:00"), beijing("2025-03-18T08:00")))
                    .isZero();
        }
    }

    @Nested
    class IsOverdue {

        @Test
        void deadlineInstantItselfIsOverdue() {
            Instant deadline = beijing("2025-10-10T00:00");
            assertThat(calendar.isOverdue(deadline, deadline)).isTrue();
            assertThat(calendar.isOverdue(deadline, deadline.minusNanos(1))).isFalse();
            assertThat(calendar.isOverdue(deadline, deadline.plusSeconds(1))).isTrue();
        }
    }

    @Nested
    @SuppressWarnings("DataFlowIssue")
    class GuardRails {

        private final LocalDate monday = date("2025-03-17");
        private final Instant mondayMorning = beijing("2025-03-17T09:00");

        @Test
        void negativeWorkingDaysAreRejected() {
            assertThatIllegalArgumentException().isThrownBy(() -> calendar.addWorkingDays(monday, -1))
                    .withMessageContaining("-1");
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> calendar.deadlineAfterWorkingDays(mondayMorning, -1));
        }

        @Test
        void absurdWorkingDaysAreRejected() {
            assertThatIllegalArgumentException().isThrownBy(() -> calendar.addWorkingDays(monday, 3661))
                    .withMessageContaining("3661").withMessageContaining("3660");
        }

        @Test
        void largestAllowedWorkingDaysAreComputed() {
            assertThat(calendar.addWorkingDays(monday, WorkingCalendar.MAX_WORKING_DAYS)).isAfter(monday);
        }

        @Test
        void negativeWorkingTimeIsRejected() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> calendar.addWorkingHours(mondayMorning, Duration.ofMinutes(-1)))
                    .withMessageContaining("PT-1M");
        }

        @Test
        void absurdWorkingTimeIsRejected() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> calendar.addWorkingHours(mondayMorning, Duration.ofHours(8 * 3660 + 1)))
                    .withMessageContaining("3660 working days");
        }

        @Test
        void absurdSpanForWorkingTimeIsRejected() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> calendar.workingTimeBetween(Instant.EPOCH, mondayMorning.plus(Duration.ofDays(36500))));
        }

        @Test
        void nullsAreRejectedNamingTheArgument() {
            assertThatIllegalArgumentException().isThrownBy(() -> calendar.isWorkingDay(null))
                    .withMessage("date must not be null");
            assertThatIllegalArgumentException().isThrownBy(() -> calendar.addWorkingDays(null, 1))
                    .withMessage("start must not be null");
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> calendar.addWorkingHours(mondayMorning, null))
                    .withMessage("amount must not be null");
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> calendar.workingTimeBetween(null, mondayMorning))
                    .withMessage("from must not be null");
            assertThatIllegalArgumentException().isThrownBy(() -> calendar.isOverdue(mondayMorning, null))
                    .withMessage("now must not be null");
        }
    }
}
