package org.commonweal.requests;

import java.time.YearMonth;

/** One month of the city-wide trend: what was received and the three rates of those requests. */
public record TrendPoint(YearMonth month, ThreeRates rates) {
}
