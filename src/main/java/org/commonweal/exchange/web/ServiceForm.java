package org.commonweal.exchange.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The staff form to register a service. The field mapping is written one per line as
 * {@code $.path = item_key}, which works in any browser without scripts.
 */
public record ServiceForm(@Nullable String serviceId, @Nullable String resourceCode, @Nullable String baseUrl,
                          @Nullable String openApi, @Nullable String fieldItems) {

    static ServiceForm startingWith(String prefix) {
        return new ServiceForm(prefix, "", "", "", "");
    }

    public String serviceIdText() {
        return serviceId == null ? "" : serviceId;
    }

    public String resourceCodeText() {
        return resourceCode == null ? "" : resourceCode;
    }

    public String baseUrlText() {
        return baseUrl == null ? "" : baseUrl;
    }

    public String openApiText() {
        return openApi == null ? "" : openApi;
    }

    public String fieldItemsText() {
        return fieldItems == null ? "" : fieldItems;
    }

    /** The mapping lines as path → item; a line without '=' is refused with its number. */
    Map<String, String> mapping() {
        Map<String, String> mapping = new LinkedHashMap<>();
        String[] lines = fieldItemsText().split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            int equals = line.indexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException(String.valueOf(i + 1));
            }
            mapping.put(line.substring(0, equals).strip(), line.substring(equals + 1).strip());
        }
        return mapping;
    }
}
