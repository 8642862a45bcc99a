package org.commonweal.requests;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.commonweal.requests.MonthlyRates.Ranked;
import org.commonweal.requests.RequestStatistics.Dimension;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The ranking rule: mean of the three rates, then requests received, shared places, unranked last. */
class MonthlyRatesUnitTest {

    private static RateRow unit(String key, long received, long onTime, long rated, long solved, long satisfied) {
        return new RateRow(key, key, key, new ThreeRates(received, received, onTime, rated, solved, satisfied));
    }

    private static List<Ranked> rank(RateRow... rows) {
        return new MonthlyRates(YearMonth.of(2019, 6), ThreeRates.NONE, Map.of(Dimension.DISTRICT, List.of(rows)))
                .ranking(Dimension.DISTRICT);
    }

    @Test
    void theHighestMeanOfTheThreeRatesComesFirst() {
        assertThat(rank(unit("half", 4, 2, 4, 2, 2), unit("all", 4, 4, 4, 4, 4), unit("most", 4, 4, 4, 2, 4)))
                .extracting(Ranked::rank, ranked -> ranked.row().key())
                .containsExactly(tuple(1, "all"), tuple(2, "most"), tuple(3, "half"));
    }

    @Test
    void anEqualScoreGoesToTheUnitThatReceivedMore() {
        assertThat(rank(unit("small", 2, 2, 2, 1, 2), unit("large", 8, 8, 8, 4, 8)))
                .extracting(Ranked::rank, ranked -> ranked.row().key())
                .containsExactly(tuple(1, "large"), tuple(2, "small"));
    }

    @Test
    void unitsEqualInScoreAndReceivedShareAPlaceAndTheNextPlaceIsSkipped() {
        // 1, 1/2, 1 and 1/2, 1, 1: the same mean reached in another order
        assertThat(rank(unit("a", 2, 2, 2, 1, 2), unit("b", 2, 1, 2, 2, 2), unit("c", 2, 1, 2, 1, 1),
                unit("top", 2, 2, 2, 2, 2)))
                .extracting(Ranked::rank)
                .containsExactly(1, 2, 2, 4);
    }

    @Test
    void aUnitWithoutAllThreeRatesIsListedUnrankedAfterTheOthers() {
        assertThat(rank(unit("unrated", 9, 9, 0, 0, 0), unit("rated", 1, 0, 1, 0, 0)))
                .extracting(Ranked::rank, ranked -> ranked.row().key())
                .containsExactly(tuple(1, "rated"), tuple(null, "unrated"));
    }

    @Test
    void requestsWithoutAUnitAreNotRanked() {
        RateRow noDistrict = new RateRow(null, null, null, new ThreeRates(5, 5, 5, 5, 5, 5));

        assertThat(rank(noDistrict, unit("LINJIANG", 1, 1, 1, 1, 1)))
                .extracting(ranked -> ranked.row().key()).containsExactly("LINJIANG");
    }
}
