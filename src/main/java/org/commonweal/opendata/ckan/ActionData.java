package org.commonweal.opendata.ckan;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** The {@code data_dict} of an action, read with CKAN's validators and their messages. */
final class ActionData {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final Map<String, Object> values;

    ActionData(Map<String, Object> values) {
        this.values = values;
    }

    boolean has(String key) {
        Object v = values.get(key);
        return v != null && !(v instanceof String s && s.isEmpty());
    }

    @Nullable String string(String key) {
        Object v = values.get(key);
        if (v == null) {
            return null;
        }
        if (v instanceof List<?> list) {
            return list.isEmpty() ? null : String.valueOf(list.getLast());
        }
        return String.valueOf(v);
    }

    /** {@code _get_or_bust}: a required value, or a Validation Error {@code "Missing value"}. */
    String required(String key) {
        String v = string(key);
        if (v == null || v.isBlank()) {
            throw CkanFailure.validation(key, "Missing value");
        }
        return v;
    }

    /** CKAN's {@code natural_number_validator}: "Invalid integer" or "Must be a natural number". */
    int naturalNumber(String key, int fallback) {
        int n = integer(key, fallback);
        if (n < 0) {
            throw CkanFailure.validation(key, "Must be a natural number");
        }
        return n;
    }

    /** CKAN's {@code int_validator}. */
    int integer(String key, int fallback) {
        Object v = values.get(key);
        if (v == null || v instanceof String s && s.isBlank()) {
            return fallback;
        }
        if (v instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())) {
            return clamp(number.longValue());
        }
        try {
            return clamp(Long.parseLong(String.valueOf(v).strip()));
        } catch (NumberFormatException e) {
            throw CkanFailure.validation(key, "Invalid integer");
        }
    }

    /** CKAN's {@code boolean_validator}: true for true, "true", "yes", "t", "y", "1", "on". */
    boolean bool(String key) {
        Object v = values.get(key);
        if (v instanceof Boolean b) {
            return b;
        }
        if (v == null) {
            return false;
        }
        return List.of("true", "yes", "t", "y", "1", "on").contains(String.valueOf(v).strip().toLowerCase(Locale.ROOT));
    }

    /** CKAN's {@code convert_to_json_if_string} then {@code list_of_strings}. */
    @Nullable List<String> stringList(String key) {
        Object v = values.get(key);
        if (v == null) {
            return null;
        }
        if (v instanceof String s) {
            try {
                v = JSON.readValue(s, Object.class);
            } catch (JacksonException e) {
                throw CkanFailure.validation(key, "Could not parse as valid JSON");
            }
        }
        if (!(v instanceof List<?> list)) {
            throw CkanFailure.validation(key, "Not a list");
        }
        List<String> strings = new ArrayList<>();
        for (Object item : list) {
            if (!(item instanceof String s)) {
                throw CkanFailure.validation(key, "Not a string");
            }
            strings.add(s);
        }
        return strings;
    }

    private static int clamp(long n) {
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, n));
    }
}
