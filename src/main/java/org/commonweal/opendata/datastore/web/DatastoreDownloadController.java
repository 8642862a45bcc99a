package org.commonweal.opendata.datastore.web;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.commonweal.opendata.datastore.Column;
import org.commonweal.opendata.datastore.Datastore;
import org.commonweal.opendata.datastore.DatastoreErrorCode;
import org.commonweal.opendata.datastore.DatastoreQuery;
import org.commonweal.opendata.datastore.DatastoreRefused;
import org.commonweal.opendata.datastore.ExportSink;
import org.commonweal.platform.web.Problems;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Downloads of a resource's table, whole or filtered with datastore_search's query parameters
 * ({@code filters}, {@code q}, {@code sort}, {@code fields}, {@code limit}, {@code offset}),
 * streamed from the database as they are read. Refusals are problem details (404 for a resource
 * that has no table or may not be read).
 */
@RestController
class DatastoreDownloadController {

    private final Datastore datastore;
    private final ResourceGate gate;
    private final Problems problems;

    DatastoreDownloadController(Datastore datastore, ResourceGate gate, Problems problems) {
        this.datastore = datastore;
        this.gate = gate;
        this.problems = problems;
    }

    @GetMapping("/data/datastore/{resourceId}.csv")
    void csv(@PathVariable String resourceId, HttpServletRequest request, HttpServletResponse response) throws IOException {
        download(resourceId, request, response, "text/csv;charset=UTF-8", "csv", CsvExport::new);
    }

    @GetMapping("/data/datastore/{resourceId}.json")
    void json(@PathVariable String resourceId, HttpServletRequest request, HttpServletResponse response) throws IOException {
        download(resourceId, request, response, "application/json", "json", JsonExport::new);
    }

    private interface Format {
        ExportSink open(OutputStream out);
    }

    private void download(String resourceText, HttpServletRequest request, HttpServletResponse response, String contentType,
                          String extension, Format format) throws IOException {
        UUID resourceId = parse(resourceText);
        if (resourceId == null || !gate.mayRead(resourceId, request)) {
            throw DatastoreRefused.notLoaded(resourceId == null ? new UUID(0, 0) : resourceId);
        }
        SearchParameters parameters;
        try {
            parameters = SearchParameters.fromQueryString(request.getParameterMap());
        } catch (IllegalStateException e) {
            throw DatastoreRefused.parameter(DatastoreErrorCode.PARAMETER_INVALID, "query",
                    "The query string is not valid UTF-8 once %-decoded.");
        }
        DatastoreQuery query = parameters.query(Integer.MAX_VALUE, Integer.MAX_VALUE).withIncludeTotal(false);
        ExportSink[] sink = new ExportSink[1];
        datastore.export(resourceId, query, new ExportSink() {
            // headers are set only once the query is known to be good, so a refusal can still be a problem detail
            @Override
            public void start(List<Column> fields) throws IOException {
                response.setContentType(contentType);
                response.setHeader("Content-Disposition", "attachment; filename=\"" + resourceId + "." + extension + "\"");
                sink[0] = format.open(response.getOutputStream());
                sink[0].start(fields);
            }

            @Override
            public void row(List<@Nullable Object> values) throws IOException {
                sink[0].row(values);
            }
        });
        switch (sink[0]) {
            case CsvExport csv -> csv.finish();
            case JsonExport json -> json.finish();
            default -> throw new IllegalStateException("unknown export format");
        }
    }

    /** Thrown when anything (an interceptor, this controller) first reads a query string that is not UTF-8. */
    @ExceptionHandler(org.apache.tomcat.util.http.InvalidParameterException.class)
    ResponseEntity<ProblemDetail> undecodable(HttpServletRequest request, Locale locale) {
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problems.of(DatastoreErrorCode.PARAMETER_INVALID, "The query string is not valid UTF-8 once %-decoded.", request, locale));
    }

    private static @Nullable UUID parse(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
