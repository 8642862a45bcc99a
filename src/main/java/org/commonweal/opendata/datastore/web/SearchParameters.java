package org.commonweal.opendata.datastore.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.commonweal.opendata.datastore.DatastoreErrorCode;
import org.commonweal.opendata.datastore.DatastoreQuery;
import org.commonweal.opendata.datastore.DatastoreRefused;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * CKAN's datastore_search parameters, from a query string (every value text, {@code filters} as
 * JSON text) or a JSON body (values as JSON), read into a {@link DatastoreQuery}. Anything that
 * cannot be read is refused naming the parameter, as CKAN's validators do.
 *
 * <p>Beyond CKAN, a filter value may be an object of bounds, {@code {"gte": 10, "lt": 20}}, for a range.
 */
final class SearchParameters {

    private static final JsonMapper JSON = JsonMapper.shared();
    private static final Set<String> RANGE_KEYS = Set.of("gte", "gt", "lte", "lt");

    private final Map<String, JsonNode> values;

    private SearchParameters(Map<String, JsonNode> values) {
        this.values = values;
    }

    static SearchParameters fromQueryString(Map<String, String[]> parameters) {
        Map<String, JsonNode> values = new LinkedHashMap<>();
        parameters.forEach((name, given) -> {
            if (given.length > 0) {
                values.put(name, JSON.getNodeFactory().stringNode(given[given.length - 1]));
            }
        });
        return new SearchParameters(values);
    }

    /** @throws IllegalArgumentException if the body is not a JSON object */
    static SearchParameters fromJsonBody(String body) {
        JsonNode node;
        try {
            node = body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("Bad request - JSON Error: the body is not valid JSON.");
        }
        if (!(node instanceof ObjectNode object)) {
            throw new IllegalArgumentException("Bad request - JSON Error: the body must be a JSON object.");
        }
        Map<String, JsonNode> values = new LinkedHashMap<>();
        object.properties().forEach(entry -> values.put(entry.getKey(), entry.getValue()));
        return new SearchParameters(values);
    }

    /** The parameters as they were given, for echoing in {@code _links}. */
    Map<String, JsonNode> given() {
        return values;
    }

    /** The resource asked for; null if the id given is not a UUID (no such resource can exist). */
    @Nullable UUID resourceId() {
        JsonNode id = values.containsKey("resource_id") ? values.get("resource_id") : values.get("id");
        if (id == null || id.isNull() || text(id).isBlank()) {
            throw DatastoreRefused.parameter(DatastoreErrorCode.PARAMETER_INVALID, "resource_id", "Missing value");
        }
        try {
            return UUID.fromString(text(id).strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The resource id as given, for a not-found message about an id that is not even a UUID. */
    String resourceIdText() {
        JsonNode id = values.containsKey("resource_id") ? values.get("resource_id") : values.get("id");
        return id == null ? "" : text(id);
    }

    /** The query; {@code defaultLimit} when no limit is given, larger limits lowered to {@code maxLimit}. */
    DatastoreQuery query(int defaultLimit, int maxLimit) {
        return new DatastoreQuery(filters(), q(), sort(), limit(defaultLimit, maxLimit), offset(), fields(), includeTotal());
    }

    private List<DatastoreQuery.Filter> filters() {
        JsonNode node = values.get("filters");
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (node.isString()) {
            String text = node.asString();
            if (text.isBlank()) {
                return List.of();
            }
            try {
                node = JSON.readTree(text);
            } catch (JacksonException e) {
                throw invalid("filters", "Cannot parse JSON");
            }
        }
        if (!(node instanceof ObjectNode object)) {
            throw invalid("filters", "Not a json object");
        }
        List<DatastoreQuery.Filter> filters = new ArrayList<>();
        object.properties().forEach(entry -> filters.add(filter(entry.getKey(), entry.getValue())));
        return filters;
    }

    private static DatastoreQuery.Filter filter(String column, JsonNode value) {
        if (value.isArray()) {
            List<String> texts = new ArrayList<>();
            for (JsonNode item : value) {
                texts.add(scalar(column, item));
            }
            return new DatastoreQuery.Equals(column, texts);
        }
        if (value instanceof ObjectNode bounds) {
            if (bounds.isEmpty() || !RANGE_KEYS.containsAll(bounds.propertyNames())) {
                throw invalid("filters", "the filter on \"" + column + "\" must be a value, a list of values, "
                        + "or bounds among gte, gt, lte, lt");
            }
            if (bounds.has("gte") && bounds.has("gt") || bounds.has("lte") && bounds.has("lt")) {
                throw invalid("filters", "the range on \"" + column + "\" gives two lower or two upper bounds");
            }
            String from = bounds.has("gte") ? scalar(column, bounds.get("gte")) : bounds.has("gt") ? scalar(column, bounds.get("gt")) : null;
            String to = bounds.has("lte") ? scalar(column, bounds.get("lte")) : bounds.has("lt") ? scalar(column, bounds.get("lt")) : null;
            return new DatastoreQuery.Range(column, from, bounds.has("gte"), to, bounds.has("lte"));
        }
        return new DatastoreQuery.Equals(column, List.of(scalar(column, value)));
    }

    private static String scalar(String column, JsonNode value) {
        if (value.isString() || value.isNumber() || value.isBoolean()) {
            return value.isNumber() ? value.numberValue().toString() : text(value);
        }
        throw invalid("filters", "the filter on \"" + column + "\" must be text or a number");
    }

    private @Nullable String q() {
        JsonNode node = values.get("q");
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isString()) {
            throw invalid("q", "give the words to search for as text; to match a field's value use filters");
        }
        return node.asString();
    }

    private List<DatastoreQuery.Sort> sort() {
        List<String> keys = list("sort");
        List<DatastoreQuery.Sort> sort = new ArrayList<>();
        for (String key : keys) {
            String k = key.strip();
            boolean descending = false;
            String lower = k.toLowerCase(Locale.ROOT);
            if (lower.endsWith(" desc")) {
                descending = true;
                k = k.substring(0, k.length() - 5).strip();
            } else if (lower.endsWith(" asc")) {
                k = k.substring(0, k.length() - 4).strip();
            }
            if (k.length() >= 2 && k.startsWith("\"") && k.endsWith("\"")) {
                k = k.substring(1, k.length() - 1).replace("\"\"", "\"");
            }
            if (k.isEmpty()) {
                throw invalid("sort", "a sort key names no field");
            }
            sort.add(new DatastoreQuery.Sort(k, descending));
        }
        return sort;
    }

    private @Nullable List<String> fields() {
        List<String> fields = list("fields");
        return fields.isEmpty() ? null : fields.stream().map(String::strip).toList();
    }

    /** A comma-separated text (commas inside double quotes kept) or a JSON list of texts. */
    private List<String> list(String name) {
        JsonNode node = values.get(name);
        if (node == null || node.isNull()) {
            return List.of();
        }
        List<String> items = new ArrayList<>();
        if (node.isArray()) {
            for (JsonNode item : node) {
                if (!item.isString()) {
                    throw invalid(name, "give a list of field names");
                }
                items.add(item.asString());
            }
            return items;
        }
        if (!node.isString()) {
            throw invalid(name, "give field names separated by commas");
        }
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (char c : node.asString().toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == ',' && !quoted) {
                items.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        items.add(current.toString());
        return items.stream().filter(item -> !item.isBlank()).toList();
    }

    private int limit(int defaultLimit, int maxLimit) {
        long limit = natural("limit", defaultLimit);
        return (int) Math.min(limit, maxLimit);
    }

    private long offset() {
        return natural("offset", 0);
    }

    private long natural(String name, long fallback) {
        JsonNode node = values.get(name);
        if (node == null || node.isNull() || (node.isString() && node.asString().isBlank())) {
            return fallback;
        }
        long value;
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            value = node.longValue();
        } else if (node.isString()) {
            try {
                value = Long.parseLong(node.asString().strip());
            } catch (NumberFormatException e) {
                throw invalid(name, "Invalid integer");
            }
        } else {
            throw invalid(name, "Invalid integer");
        }
        if (value < 0) {
            throw invalid(name, "Must be a natural number");
        }
        return value;
    }

    private boolean includeTotal() {
        JsonNode node = values.get("include_total");
        if (node == null || node.isNull()) {
            return true;
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        return switch (text(node).strip().toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes", "on" -> true;
            case "false", "0", "no", "off" -> false;
            default -> throw invalid("include_total", "Unknown boolean value");
        };
    }

    boolean recordsAsLists() {
        JsonNode node = values.get("records_format");
        String format = node == null || node.isNull() ? "objects" : text(node).strip();
        return switch (format) {
            case "objects" -> false;
            case "lists" -> true;
            default -> throw invalid("records_format", "records_format may be objects or lists");
        };
    }

    void refuseDistinct() {
        JsonNode node = values.get("distinct");
        if (node != null && (node.isBoolean() ? node.booleanValue() : text(node).strip().equalsIgnoreCase("true"))) {
            throw invalid("distinct", "distinct is not supported by this datastore");
        }
    }

    private static String text(JsonNode node) {
        return node.isString() ? node.asString() : node.toString();
    }

    private static DatastoreRefused invalid(String parameter, String message) {
        return DatastoreRefused.parameter(DatastoreErrorCode.PARAMETER_INVALID, parameter, message);
    }
}
