package org.commonweal.opendata.ckan;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

import org.commonweal.identity.CommonwealUser;
import org.commonweal.opendata.OpenDataSettings;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * CKAN's Action API v3 at {@code /api/3/action/{action}} (and {@code /api/action/{action}}), GET
 * with query parameters or POST with a JSON body, answering with CKAN's envelope
 * ({@code help}, {@code success}, {@code result} or {@code error}) and CKAN's status codes. Actions
 * this portal does not have get CKAN's bare-string 400. More specific mappings (the datastore's
 * {@code datastore_search}) win over this one.
 */
@RestController
@Tag(name = "CKAN Action API v3")
@SecurityRequirements
class CkanActionController {

    private static final Logger log = LoggerFactory.getLogger(CkanActionController.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final CkanActions actions;
    private final OpenDataSettings settings;

    CkanActionController(CkanActions actions, OpenDataSettings settings) {
        this.actions = actions;
        this.settings = settings;
    }

    @RequestMapping(path = {"/api/3/action/{action}", "/api/action/{action}"},
            method = {RequestMethod.GET, RequestMethod.POST}, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "A CKAN action: package_search, package_show, package_list, current_package_list_with_resources,"
            + " organization_list, organization_show, group_list, group_show, tag_list, resource_show, status_show, help_show")
    ResponseEntity<String> action(@PathVariable String action, HttpServletRequest request,
                                  @Nullable CommonwealUser user) throws IOException {
        if (!CkanActions.knows(action)) {
            return badRequest("Action name not known: " + action);
        }
        Map<String, Object> data;
        try {
            data = requestData(request);
        } catch (BadData e) {
            return badRequest(e.getMessage());
        }
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("help", settings.base() + "/api/3/action/help_show?name=" + action);
        try {
            Object result = actions.run(action, new ActionData(data), user);
            envelope.put("success", true);
            envelope.put("result", result);
            return respond(200, envelope);
        } catch (CkanFailure failure) {
            envelope.put("error", failure.error());
            envelope.put("success", false);
            return respond(failure.status(), envelope);
        }
    }

    /** Anything unforeseen still answers in CKAN's shape, never with a stack trace. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<String> unexpected(Exception e, HttpServletRequest request) {
        log.error("CKAN action {} failed", request.getRequestURI(), e);
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("help", settings.base() + "/api/3/action/help_show?name=" + request.getRequestURI()
                .substring(request.getRequestURI().lastIndexOf('/') + 1));
        envelope.put("error", Map.of("__type", "Internal Server Error", "message", "Internal Server Error"));
        envelope.put("success", false);
        return respond(500, envelope);
    }

    /**
     * CKAN's {@code _get_request_data}: query parameters for GET (several values make a list), a
     * JSON object for POST, or a form (whose only key may itself be the JSON).
     */
    private static Map<String, Object> requestData(HttpServletRequest request) throws IOException {
        Map<String, Object> data = new LinkedHashMap<>();
        if ("GET".equals(request.getMethod())) {
            request.getParameterMap().forEach((key, values) -> data.put(key, values.length == 1 ? values[0] : List.of(values)));
            return data;
        }
        String type = request.getContentType() == null ? "" : request.getContentType();
        if (type.startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE) || type.startsWith("multipart/")) {
            Map<String, String[]> form = request.getParameterMap();
            if (form.size() == 1 && List.of("", "1").contains(form.values().iterator().next()[0])) {
                return parseJson(form.keySet().iterator().next());
            }
            form.forEach((key, values) -> data.put(key, values.length == 1 ? values[0] : List.of(values)));
            return data;
        }
        byte[] body = request.getInputStream().readNBytes(10_000_000);
        if (body.length == 0) {
            return data;
        }
        return parseJson(new String(body, StandardCharsets.UTF_8));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> parseJson(String body) throws BadData {
        Object parsed;
        try {
            parsed = JSON.readValue(body, Object.class);
        } catch (JacksonException e) {
            throw new BadData("JSON Error: Error decoding JSON data. Error: " + e.getOriginalMessage());
        }
        if (!(parsed instanceof Map<?, ?> map)) {
            throw new BadData("Bad request data: Request data JSON decoded to " + body.strip()
                    + " but it needs to be a dictionary.");
        }
        return (Map<String, Object>) map;
    }

    /** CKAN answers a request it cannot even start with a JSON string: {@code "Bad request - <reason>"}. */
    private static ResponseEntity<String> badRequest(String reason) {
        return respond(400, "Bad request - " + reason);
    }

    private static ResponseEntity<String> respond(int status, Object body) {
        return ResponseEntity.status(status).contentType(new MediaType("application", "json", StandardCharsets.UTF_8))
                .body(JSON.writeValueAsString(body));
    }

    private static final class BadData extends IOException {
        BadData(String message) {
            super(message);
        }
    }
}
