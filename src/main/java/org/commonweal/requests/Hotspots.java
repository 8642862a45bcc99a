package org.commonweal.requests;

import java.time.LocalDate;
import java.util.List;

/**
 * The hotspots of one complete week (Monday to Sunday, city time) compared with the week before,
 * biggest rise first, with the thresholds they passed.
 */
public record Hotspots(LocalDate monday, LocalDate sunday, int minimumCount, int minimumRisePercent,
                       List<Hotspot> hotspots) {

    public Hotspots {
        hotspots = List.copyOf(hotspots);
    }

    public LocalDate previousMonday() {
        return monday.minusWeeks(1);
    }

    public LocalDate previousSunday() {
        return sunday.minusWeeks(1);
    }
}
