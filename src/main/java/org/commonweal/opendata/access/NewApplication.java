package org.commonweal.opendata.access;

/**
 * What an applicant types: the affiliation (only a researcher without an organisation account
 * types it), the purpose, the intended use and the period as ISO dates (yyyy-mm-dd).
 */
public record NewApplication(String affiliation, String purpose, String intendedUse, String periodStart,
                             String periodEnd) {
}
