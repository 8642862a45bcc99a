package org.commonweal.opendata.datastore.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * CKAN Action API v3's envelope: {@code {"help": ..., "success": true, "result": ...}}, or
 * {@code "success": false} with an {@code error} whose {@code __type} says what kind (409 for a
 * "Validation Error" listing messages per parameter, 404 for a "Not Found Error"). One small class,
 * so every CKAN action answers alike.
 */
public final class CkanResponse {

    private CkanResponse() {
    }

    public static ResponseEntity<Map<String, Object>> success(HttpServletRequest request, String action, Object result) {
        Map<String, Object> body = envelope(request, action, true);
        body.put("result", result);
        return json(HttpStatus.OK, body);
    }

    /** 409 with the messages for each parameter at fault, as CKAN's validators report them. */
    public static ResponseEntity<Map<String, Object>> validationError(HttpServletRequest request, String action,
                                                                      Map<String, List<String>> errors) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("__type", "Validation Error");
        error.putAll(errors);
        return failure(request, action, HttpStatus.CONFLICT, error);
    }

    public static ResponseEntity<Map<String, Object>> notFound(HttpServletRequest request, String action, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("__type", "Not Found Error");
        error.put("message", "Not found: " + message);
        return failure(request, action, HttpStatus.NOT_FOUND, error);
    }

    /** A body CKAN could not read at all (400 "Bad request - JSON Error: ..."). */
    public static ResponseEntity<Map<String, Object>> badRequest(HttpServletRequest request, String action, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("__type", "Bad Request");
        error.put("message", message);
        return failure(request, action, HttpStatus.BAD_REQUEST, error);
    }

    private static ResponseEntity<Map<String, Object>> failure(HttpServletRequest request, String action, HttpStatus status,
                                                               Map<String, Object> error) {
        Map<String, Object> body = envelope(request, action, false);
        body.put("error", error);
        return json(status, body);
    }

    private static Map<String, Object> envelope(HttpServletRequest request, String action, boolean success) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("help", ServletUriComponentsBuilder.fromContextPath(request).path("/api/3/action/help_show")
                .queryParam("name", action).build().toUriString());
        body.put("success", success);
        return body;
    }

    private static ResponseEntity<Map<String, Object>> json(HttpStatus status, Map<String, Object> body) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body);
    }
}
