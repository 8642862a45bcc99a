package org.commonweal.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.commonweal.calendar.CalendarFixtures.date;
import static org.commonweal.calendar.CalendarFixtures.parse;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CalendarDataUnitTest {

    /** A one-year file in the reference format; the arguments are the raw JSON arrays. */
    private static String yearFile(String year, String holidays, String makeUpWorkdays) {
        return """
                {"about": "test", "years": {"%s": {"holidays": %s, "makeUpWorkdays": %s}}}
                """.formatted(year, holidays, makeUpWorkdays);
    }

    private static String holiday(String from, String to) {
        return """
                [{"name": "国庆节", "en": "National Day", "from": "%s", "to": "%s"}]
                """.formatted(from, to);
    }

    @Nested
    class ReferenceFile {

        @Test
        void readsBothPublishedYears() {
            assertThat(CalendarFixtures.loadOfficialData().publishedYears()).containsExactly(2025, 2026);
        }

        @Test
        void readsHolidaysWithChineseAndEnglishNames() {
            List<Holiday> holidays = CalendarFixtures.loadOfficialData().holidays();
            assertThat(holidays).hasSize(13).first().isEqualTo(
                    new Holiday("元旦", "New Year's Day", date("2025-01-01"), date("2025-01-01")));
        }

        @Test
        void readsMakeUpWorkdaysAsPlainDates() {
            assertThat(CalendarFixtures.loadOfficialData().makeUpWorkdays()).hasSize(11)
                    .contains(date("2025-09-28"), date("2026-02-28"));
        }
    }

    @Nested
    class Rejection {

        @Test
        void impossibleDateIsRejectedNamingTheValueAndPath() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> parse(yearFile("2025", holiday("2025-02-30", "2025-03-01"), "[]")))
                    .withMessageContaining("'2025-02-30'")
                    .withMessageContaining("years.2025.holidays[0].from")
                    .withMessageContaining("test.json");
        }

        @Test
        void badMakeUpDateIsRejectedNamingTheValue() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> parse(yearFile("2025", "[]", "[\"2025/09/28\"]")))
                    .withMessageContaining("'2025/09/28'");
        }

        @Test
        void holidayEndingBeforeItStartsIsRejected() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> parse(yearFile("2025", holiday("2025-10-08", "2025-10-01"), "[]")))
                    .withMessageContaining("from 2025-10-08 is after to 2025-10-01");
        }

        @Test
        void dateListedAsHolidayAndMakeUpWorkdayIsRejected() {
            // 2025-10-04 is a Saturday, so only the double listing is wrong.
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> parse(yearFile(
                            "2025", holiday("2025-10-01", "2025-10-08"), "[\"2025-10-04\"]")))
                    .withMessageContaining("2025-10-04")
                    .withMessageContaining("both as make-up workday and as holiday");
        }

        @Test
        void makeUpWorkdayOnWeekdayIsRejected() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> parse(yearFile("2025", "[]", "[\"2025-09-29\"]")))
                    .withMessageContaining("2025-09-29 is a MONDAY");
        }

        @Test
        void holidayOutsideItsYearKeyIsRejected() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> parse(yearFile("2026", holiday("2025-10-01", "2025-10-08"), "[]")))
                    .withMessageContaining("2025-10-01 is outside its year 2026");
        }

        @Test
        void makeUpWorkdayOutsideItsYearKeyIsRejected() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> parse(yearFile("2026", "[]", "[\"2025-09-28\"]")))
                    .withMessageContaining("2025-09-28 is outside its year 2026");
        }

        @Test
        void overlappingHolidaysAreRejected() {
            String twoHolidays = """
                    [{"name": "A", "en": "A", "from": "2025-10-01", "to": "2025-10-03"},
                     {"name": "B", "en": "B", "from": "2025-10-03", "to": "2025-10-05"}]""";
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> parse(yearFile("2025", twoHolidays, "[]")))
                    .withMessageContaining("2025-10-03 is in two holidays");
        }

        @Test
        void duplicateYearKeyIsRejected() {
            String json = """
                    {"years": {"2025": {"holidays": [], "makeUpWorkdays": []},
                               "2025": {"holidays": [], "makeUpWorkdays": []}}}""";
            assertThatIllegalArgumentException().isThrownBy(() -> parse(json))
                    .withMessageContaining("2025");
        }

        @Test
        void yearKeyThatIsNoYearIsRejected() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> parse(yearFile("25", "[]", "[]")))
                    .withMessageContaining("'25'");
        }

        @Test
        void missingMakeUpWorkdaysIsRejected() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> parse("{\"years\": {\"2025\": {\"holidays\": []}}}"))
                    .withMessageContaining("years.2025.makeUpWorkdays");
        }

        @Test
        void missingEnglishNameIsRejected() {
            String noEnglish = "[{\"name\": \"元旦\", \"from\": \"2025-01-01\", \"to\": \"2025-01-01\"}]";
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> parse(yearFile("2025", noEnglish, "[]")))
                    .withMessageContaining("years.2025.holidays[0].en");
        }

        @Test
        void invalidJsonIsRejected() {
            assertThatIllegalArgumentException().isThrownBy(() -> parse("{\"years\": "))
                    .withMessageContaining("not valid JSON");
        }

        @Test
        void fileWithoutYearsIsRejected() {
            assertThatIllegalArgumentException().isThrownBy(() -> parse("{}"))
                    .withMessageContaining("years");
        }
    }

    @Nested
    class DirectConstruction {

        @Test
        void holidayInUnpublishedYearIsRejected() {
            Holiday holiday = new Holiday("元旦", "New Year's Day", date("2027-01-01"), date("2027-01-01"));
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> new CalendarData(Set.of(2026), List.of(holiday), Set.of()))
                    .withMessageContaining("2027-01-01");
        }

        @Test
        void noneHasNoPublishedYear() {
            assertThat(CalendarData.none().publishedYears()).isEmpty();
        }
    }
}
