package org.commonweal.requests.open311;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.commonweal.requests.CitizenRequests;
import org.commonweal.requests.RequestQueries;
import org.commonweal.requests.RequestSearch;
import org.commonweal.requests.RequestStatus;
import org.commonweal.requests.ServiceRequest;
import org.commonweal.requests.internal.TrackingNumbers;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Reading requests: lists with the spec's filters, one request, and a request found by its token. */
@RestController
@Tag(name = "Open311")
@SecurityRequirements
class RequestsController {

    /** The spec's limit ("first 1000 requests"), also the default, so clients that know no paging miss nothing. */
    static final int MAX_PAGE_SIZE = 1000;
    private static final int MAX_PAGE = 100_000;

    private final RequestQueries queries;
    private final CitizenRequests citizenRequests;
    private final RequestDocuments documents;
    private final Jurisdiction jurisdiction;
    private final Clock clock;

    RequestsController(RequestQueries queries, CitizenRequests citizenRequests, RequestDocuments documents,
                       Jurisdiction jurisdiction, Clock clock) {
        this.queries = queries;
        this.citizenRequests = citizenRequests;
        this.documents = documents;
        this.jurisdiction = jurisdiction;
        this.clock = clock;
    }

    @GetMapping("/open311/v2/requests.{format}")
    @Operation(summary = "Open311 request list: filter by service_request_id, service_code, start_date/end_date"
            + " (at most 90 days; the last 90 by default) and status; extensions page, page_size and extensions=true")
    ResponseEntity<byte[]> list(@PathVariable String format, HttpServletRequest request, HttpServletResponse response) {
        Format chosen = Format.of(format);
        jurisdiction.check(Params.text(request, "jurisdiction_id"));
        boolean extensions = Params.flag(request, "extensions");
        Optional<RequestSearch> search = search(request);
        RequestSearch.Results results = search.map(queries::search)
                .orElseGet(() -> new RequestSearch.Results(List.of(), false));
        if (results.hasMore()) {
            String next = ServletUriComponentsBuilder.fromRequest(request)
                    .replaceQueryParam("page", search.orElseThrow().page() + 1).build().toUriString();
            response.setHeader(HttpHeaders.LINK, "<" + next + ">; rel=\"next\"");
        }
        return Open311Writer.ok(chosen, "service_requests",
                documents.requests(results.requests(), Language.of(request), extensions));
    }

    /**
     * What to look for; empty when only ids that cannot be tracking numbers were asked for. The
     * spec: {@code service_request_id} overrides every other filter.
     */
    private Optional<RequestSearch> search(HttpServletRequest request) {
        List<String> ids = Params.list(Params.text(request, "service_request_id"));
        if (!ids.isEmpty()) {
            if (ids.size() > MAX_PAGE_SIZE) {
                throw Open311Error.badRequest("Ask for at most " + MAX_PAGE_SIZE + " service_request_ids at once");
            }
            Set<String> trackingNumbers = ids.stream().map(TrackingNumbers::normalise).flatMap(Optional::stream)
                    .collect(Collectors.toSet());
            return trackingNumbers.isEmpty() ? Optional.empty() : Optional.of(new RequestSearch(trackingNumbers,
                    Set.of(), Set.of(), null, null, null, null, null, null, false,
                    RequestSearch.Order.NEWEST_FIRST, 1, MAX_PAGE_SIZE));
        }
        DateWindow window = DateWindow.of(request, clock.instant(), documents.zone());
        return Optional.of(new RequestSearch(Set.of(), Set.copyOf(Params.list(Params.text(request, "service_code"))),
                statuses(Params.text(request, "status")), window.start(), window.until(), null, null, null, null,
                false, RequestSearch.Order.NEWEST_FIRST, Params.whole(request, "page", 1, MAX_PAGE),
                Params.whole(request, "page_size", MAX_PAGE_SIZE, MAX_PAGE_SIZE)));
    }

    private static Set<RequestStatus> statuses(@Nullable String value) {
        Set<RequestStatus> statuses = EnumSet.noneOf(RequestStatus.class);
        for (String status : Params.list(value)) {
            switch (status) {
                case "open" -> EnumSet.allOf(RequestStatus.class).stream().filter(RequestStatus::isOpen).forEach(statuses::add);
                case "closed" -> EnumSet.allOf(RequestStatus.class).stream().filter(s -> !s.isOpen()).forEach(statuses::add);
                default -> throw Open311Error.badRequest("status takes open, closed or both, comma separated");
            }
        }
        return statuses;
    }

    @GetMapping("/open311/v2/requests/{serviceRequestId}.{format}")
    @Operation(summary = "Open311 request: one request by its service_request_id (the tracking number), as a list of one")
    ResponseEntity<byte[]> one(@PathVariable String serviceRequestId, @PathVariable String format,
                               HttpServletRequest request) {
        Format chosen = Format.of(format);
        jurisdiction.check(Params.text(request, "jurisdiction_id"));
        ServiceRequest found = citizenRequests.find(serviceRequestId)
                .orElseThrow(() -> Open311Error.notFound("No service request has this service_request_id"));
        return Open311Writer.ok(chosen, "service_requests",
                documents.requests(List.of(found), Language.of(request), Params.flag(request, "extensions")));
    }

    @GetMapping("/open311/v2/tokens/{token}.{format}")
    @Operation(summary = "Open311 token: the service_request_id of the request a POST answered with this token")
    ResponseEntity<byte[]> token(@PathVariable String token, @PathVariable String format, HttpServletRequest request) {
        Format chosen = Format.of(format);
        jurisdiction.check(Params.text(request, "jurisdiction_id"));
        ServiceRequest found = Optional.of(token).filter(t -> t.length() <= 100).flatMap(queries::byToken)
                .orElseThrow(() -> Open311Error.notFound("No service request has this token"));
        Fields pair = new Fields().put("service_request_id", found.trackingNumber()).put("token", token);
        return Open311Writer.ok(chosen, "service_requests", new Items("request", List.of(pair)));
    }
}
