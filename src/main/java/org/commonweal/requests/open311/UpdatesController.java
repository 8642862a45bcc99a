package org.commonweal.requests.open311;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.commonweal.identity.CommonwealUser;
import org.commonweal.requests.CitizenRequests;
import org.commonweal.requests.CitizenRequests.Requester;
import org.commonweal.requests.RequestHandling;
import org.commonweal.requests.RequestQueries;
import org.commonweal.requests.RequestStatus;
import org.commonweal.requests.RequestUpdate;
import org.commonweal.requests.ServiceRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * mySociety's {@code servicerequestupdates}: the public history of requests, and updates posted by
 * the client that submitted a request (more information, or reopening) or by the responsible
 * department's own system (taking it up, notes, the answer).
 */
@RestController
@Tag(name = "Open311")
@SecurityRequirements
class UpdatesController {

    /** Oldest first, so a client that got a full list asks again from the last updated_datetime. */
    static final int MAX_UPDATES = 1000;

    private final RequestQueries queries;
    private final CitizenRequests citizenRequests;
    private final RequestHandling handling;
    private final RequestDocuments documents;
    private final ApiKeys apiKeys;
    private final Jurisdiction jurisdiction;
    private final Clock clock;

    UpdatesController(RequestQueries queries, CitizenRequests citizenRequests, RequestHandling handling,
                      RequestDocuments documents, ApiKeys apiKeys, Jurisdiction jurisdiction, Clock clock) {
        this.queries = queries;
        this.citizenRequests = citizenRequests;
        this.handling = handling;
        this.documents = documents;
        this.apiKeys = apiKeys;
        this.jurisdiction = jurisdiction;
        this.clock = clock;
    }

    @GetMapping("/open311/v2/servicerequestupdates.{format}")
    @Operation(summary = "Open311 (mySociety) request updates: public updates between start_date and end_date"
            + " (at most 90 days; the last 90 by default), oldest first, at most 1000")
    ResponseEntity<byte[]> list(@PathVariable String format, HttpServletRequest request) {
        Format chosen = Format.of(format);
        jurisdiction.check(Params.text(request, "jurisdiction_id"));
        DateWindow window = DateWindow.of(request, clock.instant(), documents.zone());
        Map<UUID, Optional<ServiceRequest>> requests = new HashMap<>();
        List<Fields> updates = queries.publicUpdatesSince(window.start(), window.until(), MAX_UPDATES).stream()
                .flatMap(update -> requests.computeIfAbsent(update.requestId(), queries::byId).stream()
                        .map(about -> documents.update(update, about)))
                .toList();
        return Open311Writer.ok(chosen, "service_request_updates", new Items("request_update", updates));
    }

    @PostMapping("/open311/v2/servicerequestupdates.{format}")
    @Operation(summary = "Open311 (mySociety) post an update: the submitting client adds information or reopens;"
            + " the responsible department's client takes the request up, notes progress, or closes/fixes it")
    ResponseEntity<byte[]> post(@PathVariable String format, HttpServletRequest request) {
        Format chosen = Format.of(format);
        FormBodies.require(request);
        jurisdiction.check(Params.text(request, "jurisdiction_id"));
        CommonwealUser client = apiKeys.client(Params.text(request, "api_key"));
        String id = Params.identifier(request, "service_request_id", 100);
        if (id == null) {
            throw Open311Error.badRequest("service_request_id is required");
        }
        String statusParameter = Params.identifier(request, "status", 100);
        if (statusParameter == null) {
            throw Open311Error.badRequest("status is required: open, closed, fixed, in_progress, reopen, ...");
        }
        ExtendedStatus status = ExtendedStatus.parse(statusParameter).orElseThrow(() -> Open311Error.badRequest(
                "status is not one of the mySociety statuses (open, closed, fixed, investigating, action_scheduled,"
                        + " in_progress, planned, no_further_action, not_councils_responsibility, duplicate,"
                        + " internal_referral, cancelled, reopen, for_triage)"));
        ServiceRequest target = citizenRequests.find(id)
                .orElseThrow(() -> Open311Error.notFound("No service request has this service_request_id"));
        ServiceRequest after = apply(target, client, status, Params.text(request, "description"));
        List<RequestUpdate> history = queries.publicUpdates(after);
        Fields created = new Fields().put("update_id", history.getLast().id().toString());
        return Open311Writer.ok(chosen, "service_request_updates", new Items("request_update", List.of(created)));
    }

    /** The responsible department acts as staff; the submitting client acts as the requester. */
    private ServiceRequest apply(ServiceRequest target, CommonwealUser client, ExtendedStatus status,
                                 @Nullable String description) {
        String trackingNumber = target.trackingNumber();
        if (client.organisationId() != null && client.organisationId().equals(target.departmentId())) {
            if (status.resolves()) {
                return handling.resolve(trackingNumber, client, target.version(), description);
            }
            if (status.takesUp() && target.status() == RequestStatus.SUBMITTED) {
                return handling.accept(trackingNumber, client, target.version(), description);
            }
            return handling.addNote(trackingNumber, client, target.version(), description, true);
        }
        Requester requester = Requester.client(client.organisationId());
        if (!citizenRequests.isRequester(target, requester)) {
            throw Open311Error.forbidden("Only the system that submitted this request, or the system of the department"
                    + " responsible for it, may post updates to it");
        }
        return status == ExtendedStatus.REOPEN
                ? citizenRequests.reopen(trackingNumber, requester, description)
                : citizenRequests.addInformation(trackingNumber, requester, description);
    }
}
