package org.commonweal.opendata.datastore;

import java.util.UUID;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** Stands in for the open data portal's access rules: every resource may be read except {@link #CLOSED}. */
@TestConfiguration(proxyBeanMethods = false)
public class OpenResourcesForTests {

    public static final UUID CLOSED = UUID.fromString("c105ed00-0000-4000-8000-000000000001");

    @Bean
    @org.springframework.context.annotation.Primary // wins over the portal's own rules in these datastore tests
    ResourceAccess testResourceAccess() {
        return (resourceId, request) -> !resourceId.equals(CLOSED);
    }
}
