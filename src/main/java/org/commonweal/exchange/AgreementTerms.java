package org.commonweal.exchange;

import java.time.LocalDate;
import java.util.Set;

/**
 * What a consumer may receive from a service, and why.
 *
 * @param consumer consumer organisation, X-Road form {@code INSTANCE/CLASS/CODE[/SUBSYSTEM]}; without a
 *                 subsystem every subsystem of that member may call
 * @param serviceId the registered service, X-Road form {@code INSTANCE/CLASS/MEMBER/SUBSYSTEM/SERVICE}
 * @param resourceCode the catalogue resource the service delivers
 * @param purpose what the data is used for, shown to data subjects
 * @param legalBasis the law or regulation that allows the use
 * @param dataItems the catalogue data item keys the consumer may receive; all other fields are removed
 * @param validUntil last day the agreement is valid; it expires the day after
 * @param callsPerMinute the most calls per minute through the gateway
 * @param trackerDelayDays days before data subjects see a call in their tracker (a lawful delay, for
 *                         example during an investigation); 0 = at once
 */
public record AgreementTerms(String consumer, String serviceId, String resourceCode, String purpose, String legalBasis,
                             Set<String> dataItems, LocalDate validUntil, int callsPerMinute, int trackerDelayDays) {

    public AgreementTerms {
        dataItems = Set.copyOf(dataItems);
    }
}
