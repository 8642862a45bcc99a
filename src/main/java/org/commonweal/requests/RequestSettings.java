package org.commonweal.requests;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param response time to first contact (accept or ask for clarification), per class
 * @param resolution time to a resolution, per class; its defaults are set in application.properties
 * @param reopenDays how many days after a resolution the citizen may reopen the request
 * @param maxTransfers how many times a request may move between departments
 * @param supervisorDepartment member code of the department whose staff route what cannot be routed (the 12345 centre)
 * @param jurisdictionId the Open311 jurisdiction_id this server answers for; requests naming another are refused
 * @param duplicateWindow how long an identical Open311 POST from the same client is answered with the first request
 * @param nearbyMeters how far away open requests of the same category are shown before submitting
 * @param maxPhotos most photos per request
 * @param escalationInterval how often overdue requests are looked for
 * @param mailFrom the sender of notifications when SMTP is configured ({@code spring.mail.host})
 * @param publicUrl the address citizens use, for links in notifications
 * @param mapTileUrl a Leaflet tile URL template ({@code https://tiles.example/{z}/{x}/{y}.png}); empty: maps show
 *                   the district boundaries on a plain background. Its origin is added to the pages' CSP img-src.
 * @param mapAttribution the attribution the tile provider requires
 * @param demoCount how many requests the demo city starts with, spread over the last six months
 */
@ConfigurationProperties("commonweal.requests")
public record RequestSettings(
        @DefaultValue Limits response,
        @DefaultValue Limits resolution,
        @DefaultValue("7") int reopenDays,
        @DefaultValue("2") int maxTransfers,
        @DefaultValue("DATA") String supervisorDepartment,
        @DefaultValue("qinghe.gov.cn") String jurisdictionId,
        @DefaultValue("10m") Duration duplicateWindow,
        @DefaultValue("300") int nearbyMeters,
        @DefaultValue("5") int maxPhotos,
        @DefaultValue("5m") Duration escalationInterval,
        @DefaultValue("no-reply@commonweal.localhost") String mailFrom,
        @DefaultValue("http://localhost:8080") String publicUrl,
        @DefaultValue("") String mapTileUrl,
        @DefaultValue("") String mapAttribution,
        @DefaultValue("400") int demoCount) {

    /** One limit per {@link TimeLimitClass}; see {@link TimeLimit#parse} for the notation. */
    public record Limits(@DefaultValue("30m") TimeLimit emergency, @DefaultValue("2h") TimeLimit utility,
                         @DefaultValue("4wh") TimeLimit general, @DefaultValue("4wh") TimeLimit complex) {

        public TimeLimit of(TimeLimitClass timeLimitClass) {
            return switch (timeLimitClass) {
                case EMERGENCY -> emergency;
                case UTILITY -> utility;
                case GENERAL -> general;
                case COMPLEX -> complex;
            };
        }
    }
}
