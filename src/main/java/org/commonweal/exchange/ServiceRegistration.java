package org.commonweal.exchange;

import java.util.Map;

/** What a department gives to register a service: see {@link RegisteredService} for the fields. */
public record ServiceRegistration(String serviceId, String resourceCode, String baseUrl, String openApi,
                                  Map<String, String> fieldItems) {

    public ServiceRegistration {
        fieldItems = Map.copyOf(fieldItems);
    }
}
