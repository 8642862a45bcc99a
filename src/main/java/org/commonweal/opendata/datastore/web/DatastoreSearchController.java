package org.commonweal.opendata.datastore.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import org.commonweal.opendata.datastore.Column;
import org.commonweal.opendata.datastore.Datastore;
import org.commonweal.opendata.datastore.DatastoreErrorCode;
import org.commonweal.opendata.datastore.DatastoreQuery;
import org.commonweal.opendata.datastore.DatastoreRefused;
import org.commonweal.opendata.datastore.Page;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.JsonNode;

/**
 * CKAN's {@code datastore_search} action (GET with query parameters, POST with a JSON body), with
 * CKAN's envelope and errors: 409 Validation Error naming the parameter, 404 Not Found Error for a
 * resource that has no table or that the asker may not read.
 */
@RestController
class DatastoreSearchController {

    static final String ACTION = "datastore_search";
    private static final String[] PATHS = {"/api/3/action/datastore_search", "/api/action/datastore_search"};

    private final Datastore datastore;
    private final ResourceGate gate;

    DatastoreSearchController(Datastore datastore, ResourceGate gate) {
        this.datastore = datastore;
        this.gate = gate;
    }

    @GetMapping({"/api/3/action/datastore_search", "/api/action/datastore_search"})
    ResponseEntity<Map<String, Object>> searchByQueryString(HttpServletRequest request) {
        try {
            return search(SearchParameters.fromQueryString(request.getParameterMap()), request);
        } catch (IllegalStateException e) {
            return unreadableQueryString(request);
        }
    }

    /** Thrown when anything (an interceptor, this controller) first reads a query string that is not UTF-8. */
    @ExceptionHandler(org.apache.tomcat.util.http.InvalidParameterException.class)
    ResponseEntity<Map<String, Object>> undecodable(HttpServletRequest request) {
        return unreadableQueryString(request);
    }

    /** Tomcat refuses to decode a query string that is not UTF-8 when the parameters are first read. */
    private static ResponseEntity<Map<String, Object>> unreadableQueryString(HttpServletRequest request) {
        return CkanResponse.badRequest(request, ACTION, "Bad request - the query string is not valid UTF-8 once %-decoded.");
    }

    @PostMapping({"/api/3/action/datastore_search", "/api/action/datastore_search"})
    ResponseEntity<Map<String, Object>> searchByJsonBody(@RequestBody(required = false) @Nullable String body, HttpServletRequest request) {
        SearchParameters parameters;
        try {
            request.getParameterMap();
        } catch (IllegalStateException e) {
            return unreadableQueryString(request);
        }
        try {
            parameters = body == null && request.getContentType() != null && !request.getContentType().contains("json")
                    ? SearchParameters.fromQueryString(request.getParameterMap())
                    : SearchParameters.fromJsonBody(body == null ? "" : body);
        } catch (IllegalArgumentException e) {
            return CkanResponse.badRequest(request, ACTION, e.getMessage());
        }
        return search(parameters, request);
    }

    private ResponseEntity<Map<String, Object>> search(SearchParameters parameters, HttpServletRequest request) {
        try {
            UUID resourceId = parameters.resourceId();
            if (resourceId == null || !gate.mayRead(resourceId, request)) {
                return notFound(request, parameters.resourceIdText());
            }
            parameters.refuseDistinct();
            boolean lists = parameters.recordsAsLists();
            DatastoreQuery query = parameters.query(DatastoreQuery.DEFAULT_LIMIT, DatastoreQuery.MAX_LIMIT);
            Page page = datastore.query(resourceId, query);
            return CkanResponse.success(request, ACTION, result(resourceId, query, page, lists, parameters, request));
        } catch (DatastoreRefused refused) {
            if (refused.code() == DatastoreErrorCode.RESOURCE_NOT_LOADED) {
                return notFound(request, parameters.resourceIdText());
            }
            String parameter = refused.parameter() == null ? "message" : refused.parameter();
            return CkanResponse.validationError(request, ACTION, Map.of(parameter, List.of(refused.getMessage())));
        }
    }

    private static ResponseEntity<Map<String, Object>> notFound(HttpServletRequest request, String resourceId) {
        return CkanResponse.notFound(request, ACTION, "Resource \"" + resourceId + "\" was not found.");
    }

    private static Map<String, Object> result(UUID resourceId, DatastoreQuery query, Page page, boolean lists,
                                              SearchParameters parameters, HttpServletRequest request) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("include_total", query.includeTotal());
        result.put("resource_id", resourceId.toString());
        result.put("fields", page.fields().stream().map(DatastoreSearchController::field).toList());
        result.put("records_format", lists ? "lists" : "objects");
        result.put("records", page.records().stream().map(record -> lists ? (Object) listOf(record) : objectOf(record)).toList());
        result.put("limit", page.limit());
        result.put("offset", page.offset());
        JsonNode filters = parameters.given().get("filters");
        if (filters != null && !query.filters().isEmpty()) {
            result.put("filters", filters.isString() ? tools.jackson.databind.json.JsonMapper.shared().readTree(filters.asString()) : filters);
        }
        if (query.q() != null) {
            result.put("q", query.q());
        }
        if (!query.sort().isEmpty()) {
            result.put("sort", String.join(", ", query.sort().stream()
                    .map(key -> key.column() + (key.descending() ? " desc" : "")).toList()));
        }
        result.put("_links", links(request, parameters, page));
        if (page.total() != null) {
            result.put("total", page.total());
        }
        return result;
    }

    /** CKAN's field description; the header as written is kept as the label when the id differs. */
    static Map<String, Object> field(Column column) {
        Map<String, Object> field = new LinkedHashMap<>();
        field.put("id", column.id());
        field.put("type", column.type().ckanType());
        if (!column.label().equals(column.id())) {
            field.put("info", Map.of("label", column.label()));
        }
        return field;
    }

    private static Map<String, @Nullable Object> objectOf(Map<String, @Nullable Object> record) {
        Map<String, @Nullable Object> json = new LinkedHashMap<>();
        record.forEach((key, value) -> json.put(key, jsonValue(value)));
        return json;
    }

    private static List<@Nullable Object> listOf(Map<String, @Nullable Object> record) {
        List<@Nullable Object> json = new ArrayList<>();
        record.values().forEach(value -> json.add(jsonValue(value)));
        return json;
    }

    static @Nullable Object jsonValue(@Nullable Object value) {
        return value instanceof LocalDate date ? date.toString() : value instanceof BigDecimal number ? number : value;
    }

    /** Where this page started and where the next one is, as CKAN gives them: paths with the same parameters. */
    private static Map<String, String> links(HttpServletRequest request, SearchParameters parameters, Page page) {
        String path = request.getRequestURI().startsWith("/api/action/") ? PATHS[1] : PATHS[0];
        UriComponentsBuilder start = UriComponentsBuilder.fromPath(path);
        parameters.given().forEach((name, value) -> {
            if (!name.equals("offset")) {
                start.queryParam(name, value.isString() ? value.asString() : value.toString());
            }
        });
        String startLink = start.encode().build().toUriString();
        String nextLink = start.cloneBuilder().queryParam("offset", page.offset() + page.limit()).encode().build().toUriString();
        return Map.of("start", startLink, "next", nextLink);
    }
}
