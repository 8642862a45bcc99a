package org.commonweal.requests;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When a category in a district counts as a hotspot for the week.
 *
 * @param minimumCount requests it needs in the week, so that 1 → 2 is no "+100 %" alarm
 * @param minimumRisePercent how much more than the week before, in percent; new ones always qualify
 */
@ConfigurationProperties("commonweal.requests.hotspots")
record HotspotSettings(@DefaultValue("5") int minimumCount, @DefaultValue("50") int minimumRisePercent) {

    HotspotSettings {
        if (minimumCount < 1 || minimumRisePercent < 0) {
            throw new IllegalArgumentException("Hotspots need at least 1 request and a rise of at least 0 %");
        }
    }
}
