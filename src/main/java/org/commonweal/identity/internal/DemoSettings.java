package org.commonweal.identity.internal;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param enabled load the demo city; when unset it loads only on the embedded default database
 * @param password the password of every demo account; generated and printed once when empty
 */
@ConfigurationProperties("commonweal.demo")
record DemoSettings(@Nullable Boolean enabled, @Nullable String password) {
}
