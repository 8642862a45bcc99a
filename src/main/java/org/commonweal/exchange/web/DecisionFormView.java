package org.commonweal.exchange.web;

import java.util.Set;

/** What a decider chose, shown again with the problems. */
public record DecisionFormView(String outcome, Set<String> items, String approvedUntil, String serviceId, String reason) {
}
