package org.commonweal.exchange.web;

import java.util.Set;

/** What an applicant typed, shown again with the problems. */
public record ApplicationFormView(String submissionKey, Set<String> items, String purpose, String legalBasis,
                                  String serviceId, String validUntil, String callsPerMinute, String delayDays,
                                  String delayBasis) {
}
