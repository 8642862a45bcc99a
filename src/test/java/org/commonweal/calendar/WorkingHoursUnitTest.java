package org.commonweal.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

class WorkingHoursUnitTest {

    @Test
    void defaultIsNineToFiveEightHours() {
        assertThat(WorkingHours.DEFAULT.opening()).isEqualTo(LocalTime.of(9, 0));
        assertThat(WorkingHours.DEFAULT.closing()).isEqualTo(LocalTime.of(17, 0));
        assertThat(WorkingHours.DEFAULT.length()).isEqualTo(Duration.ofHours(8));
    }

    @Test
    void openingAfterClosingIsRejectedNamingBothTimes() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new WorkingHours(LocalTime.of(17, 0), LocalTime.of(9, 0)))
                .withMessageContaining("17:00").withMessageContaining("09:00");
    }

    @Test
    void emptyWindowIsRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new WorkingHours(LocalTime.NOON, LocalTime.NOON));
    }

    @Test
    @SuppressWarnings("DataFlowIssue")
    void nullTimeIsRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new WorkingHours(null, LocalTime.NOON))
                .withMessageContaining("opening");
    }
}
