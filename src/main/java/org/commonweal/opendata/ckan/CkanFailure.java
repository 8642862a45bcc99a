package org.commonweal.opendata.ckan;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An action that failed the way CKAN reports it: the {@code error} object of the envelope and the
 * HTTP status CKAN's {@code ckan/views/api.py} gives each kind of failure.
 */
final class CkanFailure extends RuntimeException {

    private final int status;
    private final Map<String, Object> error;

    private CkanFailure(int status, Map<String, Object> error) {
        super(String.valueOf(error.get("__type")), null, false, false);
        this.status = status;
        this.error = error;
    }

    static CkanFailure notFound(String what) {
        return plain(404, "Not Found Error", what.isEmpty() ? "Not found" : "Not found: " + what);
    }

    static CkanFailure notAuthorized(String what) {
        return plain(403, "Authorization Error", "Access denied: " + what);
    }

    /** A field-by-field validation error: {@code {"rows": ["Invalid integer"], "__type": "Validation Error"}}. */
    static CkanFailure validation(String field, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put(field, List.of(message));
        error.put("__type", "Validation Error");
        return new CkanFailure(409, error);
    }

    /** CKAN's SearchQueryError: a parameter the search cannot use (an unknown sort, for instance). */
    static CkanFailure searchQuery(String reason) {
        return plain(400, "Search Query Error", "Search Query is invalid: ('" + reason.replace("'", "\\'") + "',)");
    }

    /** CKAN's SearchError: the search engine could not run the query (a malformed {@code fq}). */
    static CkanFailure search(String reason) {
        return plain(409, "Search Error", "Search error: ('" + reason.replace("'", "\\'") + "',)");
    }

    private static CkanFailure plain(int status, String type, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("__type", type);
        error.put("message", message);
        return new CkanFailure(status, error);
    }

    int status() {
        return status;
    }

    Map<String, Object> error() {
        return error;
    }
}
