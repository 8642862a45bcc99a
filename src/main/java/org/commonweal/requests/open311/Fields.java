package org.commonweal.requests.open311;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One object of an Open311 response: named values in the order the spec lists them. A value is
 * text, a number, a boolean, null, another {@code Fields} or {@link Items}; the same tree is
 * written as JSON and as XML, so the two formats cannot drift apart.
 */
final class Fields {

    private final Map<String, @Nullable Object> values = new LinkedHashMap<>();

    Fields put(String name, @Nullable Object value) {
        values.put(name, value);
        return this;
    }

    Map<String, @Nullable Object> values() {
        return values;
    }
}
