package org.commonweal.requests.web;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What the statistics page shows, already in the reader's language. Rates are text such as
 * {@code 87.5%}, or null where there is no rate (the page shows "—").
 *
 * @param month the month shown, {@code 2026-03}, for the month field
 * @param firstMonth the earliest month that can be chosen
 * @param currentMonth the latest month that can be chosen: this one
 * @param partialMonth whether the month shown is still running
 * @param by how the rates table is grouped: {@code department}, {@code district} or {@code category}
 * @param ratesChart the rates table as chart data (JSON, safe inside a script element)
 * @param trendChart the trend table as chart data (JSON, safe inside a script element)
 */
public record StatisticsView(String month, String firstMonth, String currentMonth, String monthLabel,
                             boolean partialMonth, String by, List<String> dimensions,
                             List<RateLine> rates, RateLine total,
                             List<RankLine> departmentRanking, List<RankLine> districtRanking,
                             List<RateLine> trend, String trendFirst, String trendLast,
                             HotspotWeek hotspots, String ratesChart, String trendChart) {

    /** One department, district, category or month. */
    public record RateLine(String name, long received, @Nullable String response, @Nullable String resolution,
                           @Nullable String satisfaction, long rated) {
    }

    /** A unit's place; rank and score are null for a unit that is not ranked. */
    public record RankLine(@Nullable Integer rank, @Nullable String score, RateLine rates) {
    }

    public record HotspotWeek(String from, String to, String previousFrom, String previousTo, int minimumCount,
                              int minimumRisePercent, List<HotspotLine> hotspots) {
    }

    /** The change is "+60%", or null for a pair that had no requests the week before (new). */
    public record HotspotLine(String category, String district, long lastWeek, long weekBefore, long rise,
                              @Nullable String risePercent) {
    }
}
