package org.commonweal.opendata.quality;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A dataset's quality, 0–100, with the four parts it is made of and, for each part, what was
 * checked and what the publisher can do to raise it.
 */
public record QualityScore(UUID datasetId, int total, List<Part> parts, Instant computedAt) {

    public QualityScore {
        parts = List.copyOf(parts);
    }

    /** The part with this code: completeness, freshness, openness or links. */
    public Part part(String code) {
        return parts.stream().filter(p -> p.code().equals(code)).findFirst().orElseThrow();
    }

    /**
     * @param code completeness, freshness, openness or links
     * @param points earned, out of {@code max}
     * @param checks what was looked at, each met or not
     * @param advice message keys of what the publisher can do (empty when the part is full)
     */
    public record Part(String code, int points, int max, List<Check> checks, List<String> advice) {
        public Part {
            checks = List.copyOf(checks);
            advice = List.copyOf(advice);
        }
    }

    /**
     * One thing checked: a message key naming it, a value shown beside it (a date, a format, a
     * link status; may be empty) and whether it is met.
     */
    public record Check(String key, String value, boolean met) {
    }
}
