package org.commonweal.exchange;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param decisionWorkingDays working days a provider has to decide a sharing application, on the
 *                            official calendar; past them the application escalates to the data authority
 * @param dueSoonWorkingDays an application is "due soon" when its deadline is within this many working days
 * @param escalationInterval how often overdue applications are escalated
 * @param defaultCallsPerMinute the rate limit an application asks for unless it says otherwise
 */
@ConfigurationProperties("commonweal.exchange.applications")
public record ApplicationSettings(@DefaultValue("10") int decisionWorkingDays,
                                  @DefaultValue("2") int dueSoonWorkingDays,
                                  @DefaultValue("5m") Duration escalationInterval,
                                  @DefaultValue("60") int defaultCallsPerMinute) {
}
