package org.commonweal.exchange;

import java.time.LocalDate;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * What a consumer department asks for.
 *
 * @param submissionKey the form's one-time key: the same key twice (a double click) is one application
 * @param serviceId the provider's service to call, if the applicant knows it; else the provider chooses
 * @param dataItems only the catalogue data items the consumer needs
 * @param trackerDelayDays a lawful delay before data subjects see the calls (0 = none)
 * @param delayBasis the legal basis of that delay; required when the delay is not 0
 */
public record NewApplication(String submissionKey, String resourceCode, @Nullable String serviceId, String purpose,
                             String legalBasis, Set<String> dataItems, @Nullable LocalDate validUntil,
                             int callsPerMinute, int trackerDelayDays, String delayBasis) {

    public NewApplication {
        dataItems = Set.copyOf(dataItems);
    }
}
