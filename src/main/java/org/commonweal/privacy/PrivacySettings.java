package org.commonweal.privacy;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param demoCalls how many real gateway calls naming the demo citizen citizen.liu the demo city makes
 *                  on its first start (through the demo vehicle service), so "who used my data" is not
 *                  empty; 0 makes none
 */
@ConfigurationProperties("commonweal.privacy")
public record PrivacySettings(@DefaultValue("3") int demoCalls) {
}
