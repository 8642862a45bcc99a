package org.commonweal.identity.internal;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param instance the X-Road instance of this platform's organisations, for example {@code CW-DEMO}
 * @param adminUsername the platform administrator created on first start
 * @param adminPassword that administrator's password; generated and printed once when empty
 * @param failedSignInsBeforeDelay wrong passwords allowed before sign-in is slowed down
 * @param firstDelay how long the first delay lasts; each further failure doubles it
 * @param longestDelay the cap on the delay
 */
@ConfigurationProperties("commonweal.identity")
public record IdentitySettings(@DefaultValue("CW-DEMO") String instance,
                        @DefaultValue("admin") String adminUsername,
                        @Nullable String adminPassword,
                        @DefaultValue("5") int failedSignInsBeforeDelay,
                        @DefaultValue("30s") Duration firstDelay,
                        @DefaultValue("15m") Duration longestDelay) {
}
