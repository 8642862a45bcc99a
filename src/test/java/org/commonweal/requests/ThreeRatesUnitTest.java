package org.commonweal.requests;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A rate with nothing to divide by is no rate, never 0 % or 100 %. */
class ThreeRatesUnitTest {

    @Test
    void ratesAreSharesOfTheirOwnDenominators() {
        ThreeRates rates = new ThreeRates(10, 8, 6, 4, 1, 3);

        assertThat(rates.responseRate()).isEqualTo(0.75);
        assertThat(rates.resolutionRate()).isEqualTo(0.25);
        assertThat(rates.satisfactionRate()).isEqualTo(0.75);
        assertThat(rates.score()).isEqualTo((0.75 + 0.25 + 0.75) / 3);
    }

    @Test
    void withoutRatingsThereIsNoResolutionOrSatisfactionRateAndNoScore() {
        ThreeRates rates = new ThreeRates(3, 3, 0, 0, 0, 0);

        assertThat(rates.responseRate()).isEqualTo(0.0);
        assertThat(rates.resolutionRate()).isNull();
        assertThat(rates.satisfactionRate()).isNull();
        assertThat(rates.score()).isNull();
    }

    @Test
    void withNothingToJudgeYetThereIsNoResponseRate() {
        assertThat(new ThreeRates(2, 0, 0, 0, 0, 0).responseRate()).isNull();
    }
}
