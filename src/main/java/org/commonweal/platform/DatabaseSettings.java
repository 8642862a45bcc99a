package org.commonweal.platform;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the zero-setup embedded PostgreSQL keeps its files. Ignored when
 * {@code spring.datasource.url} points at an external PostgreSQL.
 *
 * @param directory the data folder; the cluster lives in {@code <directory>/postgres}
 * @param port the port for the embedded server on loopback; 0 picks a free one
 */
@ConfigurationProperties("commonweal.database")
public record DatabaseSettings(@DefaultValue("./data") String directory, @DefaultValue("0") int port) {
}
