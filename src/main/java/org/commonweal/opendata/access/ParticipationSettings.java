package org.commonweal.opendata.access;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param decisionWorkingDays working days a department has to decide an application for conditional data
 * @param maxPeriodDays the longest period an application may ask for
 * @param linkCheckInterval how often linked resources are checked
 * @param linkCheckTimeout how long one link check may take (connect and answer)
 * @param linkCheckAllowLoopback check links to loopback addresses too (tests only; private and link-local addresses are never checked)
 * @param demo add the demo city's applications, requests and reuses once its datasets exist
 */
@ConfigurationProperties("commonweal.opendata.participation")
public record ParticipationSettings(
        @DefaultValue("10") int decisionWorkingDays,
        @DefaultValue("366") int maxPeriodDays,
        @DefaultValue("6h") Duration linkCheckInterval,
        @DefaultValue("5s") Duration linkCheckTimeout,
        @DefaultValue("false") boolean linkCheckAllowLoopback,
        @DefaultValue("true") boolean demo) {
}
