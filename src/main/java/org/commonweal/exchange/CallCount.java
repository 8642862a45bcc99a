package org.commonweal.exchange;

import java.time.LocalDate;

/**
 * Calls on one day (in the city's time zone) of one consumer to one resource.
 *
 * @param failed calls the gateway refused or the provider failed (status 400 and above)
 */
public record CallCount(LocalDate day, String resourceCode, String consumerMember, String providerMember, long calls,
                        long failed) {
}
