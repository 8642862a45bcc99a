package org.commonweal.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Group;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Laws of the deadline arithmetic over the official data, with starts around and between the
 * published years 2025–2026 (and into unpublished 2024 and 2027).
 */
class WorkingCalendarPropertiesUnitTest {

    private static final int TRIES = 200;
    private static final LocalDate FIRST_DAY = LocalDate.of(2024, 10, 1);
    private static final int DAY_RANGE = 1000;  // until mid 2027
    private static final long MAX_WORKING_SECONDS = Duration.ofHours(8 * 30).toSeconds();

    private final WorkingCalendar calendar = CalendarFixtures.officialCalendar();

    @Provide
    Arbitrary<LocalDate> dates() {
        return Arbitraries.integers().between(0, DAY_RANGE).map(FIRST_DAY::plusDays);
    }

    /** Any second, and quarter hours so that openings and closings are hit exactly. */
    @Provide
    Arbitrary<Instant> instants() {
        Arbitrary<LocalTime> anySecond = Arbitraries.integers().between(0, 86_399).map(LocalTime::ofSecondOfDay);
        Arbitrary<LocalTime> quarterHour = Arbitraries.integers().between(0, 95).map(q -> LocalTime.of(q / 4, q % 4 * 15));
        return Combinators.combine(dates(), Arbitraries.oneOf(anySecond, quarterHour))
                .as((day, time) -> ZonedDateTime.of(day, time, calendar.zone()).toInstant());
    }

    /** Up to 30 working days, in seconds or in whole quarter hours. */
    @Provide
    Arbitrary<Duration> amounts() {
        return Arbitraries.oneOf(
                Arbitraries.longs().between(0, MAX_WORKING_SECONDS).map(Duration::ofSeconds),
                Arbitraries.longs().between(0, MAX_WORKING_SECONDS / 900).map(q -> Duration.ofMinutes(15 * q)));
    }

    @Group
    class AddWorkingDays {

        @Property(tries = TRIES)
        void isMonotonicInDays(@ForAll("dates") LocalDate start,
                               @ForAll @IntRange(max = 400) int days, @ForAll @IntRange(max = 400) int more) {
            LocalDate fewer = calendar.addWorkingDays(start, days);
            LocalDate further = calendar.addWorkingDays(start, days + more);
            if (more == 0) {
                assertThat(further).isEqualTo(fewer);
            } else {
                assertThat(further).isAfter(fewer);
            }
        }

        @Property(tries = TRIES)
        void resultIsWorkingDay(@ForAll("dates") LocalDate start, @ForAll @IntRange(min = 1, max = 400) int days) {
            assertThat(calendar.isWorkingDay(calendar.addWorkingDays(start, days))).isTrue();
        }

        @Property(tries = TRIES)
        void countsExactlyTheRequestedWorkingDays(@ForAll("dates") LocalDate start,
                                                  @ForAll @IntRange(max = 400) int days) {
            LocalDate result = calendar.addWorkingDays(start, days);
            long workingDays = start.plusDays(1).datesUntil(result.plusDays(1))
                    .filter(calendar::isWorkingDay)
                    .count();
            assertThat(workingDays).isEqualTo(days);
        }
    }

    @Group
    class DeadlineAfterWorkingDays {

        @Property(tries = TRIES)
        void isNeverBeforeStart(@ForAll("instants") Instant start, @ForAll @IntRange(max = 400) int days) {
            assertThat(calendar.deadlineAfterWorkingDays(start, days)).isAfter(start);
        }
    }

    @Group
    class AddWorkingHours {

        @Property(tries = TRIES)
        void workingTimeBetweenUndoesIt(@ForAll("instants") Instant start, @ForAll("amounts") Duration amount) {
            Instant end = calendar.addWorkingHours(start, amount);
            assertThat(calendar.workingTimeBetween(start, end)).isEqualTo(amount);
        }

        @Property(tries = TRIES)
        void addingInTwoStepsEqualsAddingOnce(@ForAll("instants") Instant start,
                                              @ForAll("amounts") Duration first, @ForAll("amounts") Duration second) {
            Instant inTwoSteps = calendar.addWorkingHours(calendar.addWorkingHours(start, first), second);
            assertThat(inTwoSteps).isEqualTo(calendar.addWorkingHours(start, first.plus(second)));
        }

        @Property(tries = TRIES)
        void positiveAmountEndsInsideWorkingHoursOfWorkingDay(@ForAll("instants") Instant start,
                                                              @ForAll("amounts") Duration amount) {
            if (amount.isZero()) {
                return;
            }
            ZonedDateTime end = calendar.addWorkingHours(start, amount).atZone(calendar.zone());
            WorkingHours hours = calendar.workingHours();
            assertThat(calendar.isWorkingDay(end.toLocalDate())).isTrue();
            assertThat(end.toLocalTime()).isAfter(hours.opening()).isBeforeOrEqualTo(hours.closing());
        }
    }

    @Group
    class WorkingTimeBetween {

        @Property(tries = TRIES)
        void isAdditiveOverAnIntermediateInstant(@ForAll("instants") Instant a, @ForAll("instants") Instant b,
                                                 @ForAll("instants") Instant c) {
            Instant[] sorted = Stream.of(a, b, c).sorted().toArray(Instant[]::new);
            assertThat(calendar.workingTimeBetween(sorted[0], sorted[2])).isEqualTo(
                    calendar.workingTimeBetween(sorted[0], sorted[1])
                            .plus(calendar.workingTimeBetween(sorted[1], sorted[2])));
        }

        @Property(tries = TRIES)
        void neverExceedsElapsedTime(@ForAll("instants") Instant from, @ForAll("instants") Instant to) {
            Duration working = calendar.workingTimeBetween(from, to);
            assertThat(working).isBetween(Duration.ZERO, from.isBefore(to) ? Duration.between(from, to) : Duration.ZERO);
        }
    }
}
