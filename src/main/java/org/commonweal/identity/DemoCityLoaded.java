package org.commonweal.identity;

import java.time.Instant;

/** The demo city's districts, organisations and accounts were loaded on the first start; other modules add their demo data. */
public record DemoCityLoaded(Instant at) {
}
