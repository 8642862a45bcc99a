package org.commonweal.requests;

import org.jspecify.annotations.Nullable;

/**
 * The three rates (三率) of a group of requests, kept as the counts they are made of, so that a rate
 * whose denominator is empty is "no rate" (null) and never shows as 0 % or 100 %. Requests merged
 * into another one count as received but in no rate: the request they were merged into carries them.
 *
 * @param received requests submitted, merged duplicates included
 * @param responseJudged requests whose first-contact deadline can be judged: contacted, or already past due
 * @param respondedOnTime of those, first contacted (accepted or asked for clarification) by the deadline
 * @param rated requests the citizen rated
 * @param solved of those, the citizen said the problem was solved
 * @param satisfied of those, rated satisfied or basically satisfied
 */
public record ThreeRates(long received, long responseJudged, long respondedOnTime, long rated, long solved,
                         long satisfied) {

    public static final ThreeRates NONE = new ThreeRates(0, 0, 0, 0, 0, 0);

    /** 响应率: first contacted on time, of the requests whose deadline can be judged. */
    public @Nullable Double responseRate() {
        return share(respondedOnTime, responseJudged);
    }

    /** 解决率: the citizen says it was solved, of the rated requests. */
    public @Nullable Double resolutionRate() {
        return share(solved, rated);
    }

    /** 满意率: satisfied or basically satisfied, of the rated requests. */
    public @Nullable Double satisfactionRate() {
        return share(satisfied, rated);
    }

    /**
     * The ranking score: the mean of the three rates. Without all three there is no score, because
     * a unit nobody rated would otherwise be ranked on its response rate alone.
     */
    public @Nullable Double score() {
        Double response = responseRate();
        Double resolution = resolutionRate();
        Double satisfaction = satisfactionRate();
        if (response == null || resolution == null || satisfaction == null) {
            return null;
        }
        return (response + resolution + satisfaction) / 3;
    }

    private static @Nullable Double share(long part, long whole) {
        return whole == 0 ? null : (double) part / whole;
    }
}
