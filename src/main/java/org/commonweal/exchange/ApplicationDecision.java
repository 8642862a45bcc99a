package org.commonweal.exchange;

import java.time.LocalDate;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * A provider's (or the data authority's) decision on a sharing application.
 *
 * @param version the application version the decider saw; another decision meanwhile refuses this one
 * @param serviceId the service the agreement is for (approvals); null = the one applied for or the only one
 * @param dataItems for a narrowing: the items approved, a subset of those applied for
 * @param validUntil for a narrowing: the last day, no later than applied for
 * @param reason required for a refusal; an optional note otherwise
 */
public record ApplicationDecision(Outcome outcome, int version, @Nullable String serviceId, Set<String> dataItems,
                                  @Nullable LocalDate validUntil, String reason) {

    public enum Outcome { APPROVE, NARROW, REFUSE }

    public ApplicationDecision {
        dataItems = Set.copyOf(dataItems);
    }
}
