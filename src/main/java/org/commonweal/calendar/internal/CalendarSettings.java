package org.commonweal.calendar.internal;

import java.time.LocalTime;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code commonweal.calendar.*} settings.
 *
 * @param zone     time zone of the official calendar
 * @param opening  start of the daily working window, e.g. {@code 09:00}
 * @param closing  end of the daily working window, e.g. {@code 17:00}
 * @param dataFile Spring resource location of the calendar JSON; override with a {@code file:}
 *                 location to publish a new year's notice without a release
 */
@ConfigurationProperties("commonweal.calendar")
public record CalendarSettings(
        @DefaultValue("Asia/Shanghai") String zone,
        @DefaultValue("09:00") LocalTime opening,
        @DefaultValue("17:00") LocalTime closing,
        @DefaultValue("classpath:calendar/cn-official-calendar.json") String dataFile) {
}
