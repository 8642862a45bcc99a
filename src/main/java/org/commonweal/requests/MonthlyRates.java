package org.commonweal.requests;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.commonweal.requests.RequestStatistics.Dimension;
import org.jspecify.annotations.Nullable;

/**
 * The three rates of the requests submitted in one month: for the whole city and per department,
 * district and category, each list with the most received first.
 */
public record MonthlyRates(YearMonth month, ThreeRates total, Map<Dimension, List<RateRow>> byDimension) {

    /** A place in the ranking; the rank is null for a unit without a score (a rate is missing). */
    public record Ranked(@Nullable Integer rank, RateRow row) {
    }

    public MonthlyRates {
        byDimension = Map.copyOf(byDimension);
    }

    public List<RateRow> rows(Dimension dimension) {
        return byDimension.getOrDefault(dimension, List.of());
    }

    /**
     * Highest score first, equal scores by received count (more first); units equal in both share a
     * rank (1, 2, 2, 4). Units without a score follow, unranked. Requests without a department or
     * district are no unit and stay out.
     */
    public List<Ranked> ranking(Dimension dimension) {
        List<RateRow> ordered = rows(dimension).stream()
                .filter(row -> row.key() != null)
                .sorted(Comparator.comparing(MonthlyRates::standing, Comparator.nullsLast(Comparator.reverseOrder()))
                        .thenComparing(row -> row.rates().received(), Comparator.reverseOrder())
                        .thenComparing(row -> Objects.requireNonNull(row.key())))
                .toList();
        List<Ranked> ranking = new ArrayList<>(ordered.size());
        for (int i = 0; i < ordered.size(); i++) {
            RateRow row = ordered.get(i);
            Long standing = standing(row);
            if (standing == null) {
                ranking.add(new Ranked(null, row));
            } else if (i > 0 && standing.equals(standing(ordered.get(i - 1)))
                    && row.rates().received() == ordered.get(i - 1).rates().received()) {
                ranking.add(new Ranked(ranking.get(i - 1).rank(), row));
            } else {
                ranking.add(new Ranked(i + 1, row));
            }
        }
        return ranking;
    }

    /** The score without floating-point noise, so that equal rates reached in another order tie. */
    private static @Nullable Long standing(RateRow row) {
        Double score = row.rates().score();
        return score == null ? null : Math.round(score * 1e9);
    }
}
