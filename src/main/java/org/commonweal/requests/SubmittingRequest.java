package org.commonweal.requests;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.commonweal.platform.database.GroupCommit;
import org.commonweal.requests.RequestJournal.Actor;
import org.commonweal.requests.RequestUpdate.Kind;
import org.commonweal.requests.internal.PhotoStore;
import org.commonweal.requests.internal.RandomKeys;
import org.commonweal.requests.internal.RequestStore;
import org.commonweal.requests.internal.Routing;
import org.commonweal.requests.internal.TrackingNumbers;
import org.commonweal.requests.internal.photos.CleanPhoto;
import org.commonweal.requests.internal.photos.PhotoSanitizer;
import org.commonweal.requests.internal.photos.RejectedPhoto;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Submitting a request: every check first (so nothing is half-written), then routing, deadlines,
 * the row, its photos, its history, its evidence and the receipt notification in one transaction,
 * shared with the submissions being written at the same moment.
 */
@Component
class SubmittingRequest {

    private static final int MAX_PHOTO_BYTES = 10 * 1024 * 1024;
    private static final int MAX_PHOTO_PIXELS = 50_000_000;
    /** Groups written at once, each on its own connection: enough to keep PostgreSQL's two cores busy. */
    private static final int WRITERS = 4;
    private static final int MAX_GROUP = 64;
    /** As long as a request may wait for a pooled connection before it is answered 503. */
    private static final Duration MAX_WAIT = Duration.ofSeconds(5);

    private final Categories categories;
    private final Routing routing;
    private final RequestJournal journal;
    private final RequestStore store;
    private final PhotoStore photos;
    private final DeadlineClock deadlines;
    private final RequestSettings settings;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final TrackingNumbers trackingNumbers = new TrackingNumbers();
    private final PhotoSanitizer sanitizer = new PhotoSanitizer(MAX_PHOTO_BYTES, MAX_PHOTO_PIXELS);
    /** Concurrent submissions are written together (ADR 13): on two cores, 2,500 POSTs/s instead of 1,800. */
    private final GroupCommit<Checked, Boolean> writes = new GroupCommit<>(WRITERS, MAX_GROUP, MAX_WAIT,
            this::storeTogether);

    SubmittingRequest(Categories categories, Routing routing, RequestJournal journal, PhotoStore photos,
                      DeadlineClock deadlines, RequestSettings settings, ApplicationEventPublisher events,
                      TransactionTemplate transactions) {
        this.categories = categories;
        this.routing = routing;
        this.journal = journal;
        this.store = journal.store();
        this.photos = photos;
        this.deadlines = deadlines;
        this.settings = settings;
        this.events = events;
        this.transactions = transactions;
    }

    /**
     * Checks, routes and stores a new request with its evidence. A repeated submission (same client
     * and idempotency key, or the same report from the same client within the replay window) returns
     * the request stored the first time.
     */
    CitizenRequests.Submission submit(NewRequest input) {
        Category category = categories.get(input.serviceCode());
        String description = RequestRules.description(input.description());
        String address = RequestRules.address(input.address());
        RequestRules.location(category, address, input.lat(), input.lon());
        Map<String, List<String>> attributes = RequestRules.attributes(category, input.attributes());
        RequestRules.Contact contact = RequestRules.contact(input.citizenId() != null || input.clientId() != null,
                input.contactName(), input.contactEmail(), input.contactPhone());
        String idempotencyKey = Texts.clean(input.idempotencyKey());
        String fingerprint = input.clientId() == null ? null : RequestJournal.sha256(String.join("\n", category.code(),
                description, String.valueOf(input.lat()), String.valueOf(input.lon())));
        List<CleanPhoto> cleaned = cleanPhotos(input.photos());

        Routing.Route route = routing.route(category, input.lat(), input.lon());
        Instant now = journal.now();
        // A client's resent report (same content, no idempotency key) within the window is found by
        // the insert itself; a repeated idempotency key, by the unique constraint on it.
        Instant resentSince = fingerprint != null && idempotencyKey == null ? now.minus(settings.duplicateWindow()) : null;
        String citizenKey = input.citizenId() == null && input.clientId() == null ? RandomKeys.next() : null;
        for (int attempt = 0; ; attempt++) {
            ServiceRequest request = new ServiceRequest(UUID.randomUUID(), trackingNumbers.next(), category.code(),
                    description, address, input.lat(), input.lon(), route.districtCode(), attributes,
                    route.departmentId() == null ? RequestStatus.UNROUTED : RequestStatus.SUBMITTED, null,
                    route.departmentId(), null, 0, input.citizenId(), contact.name(), contact.email(), contact.phone(),
                    input.namePublic(), input.source(), now, now, deadlines.responseDue(category, now),
                    deadlines.resolutionDue(category, now), null, null, null, null, null, 0, null, null, null, null, 0, 0);
            try {
                RequestStore.Secrets secrets = new RequestStore.Secrets(input.clientId(), idempotencyKey, fingerprint,
                        citizenKey == null ? null : RequestJournal.sha256(citizenKey), RandomKeys.next());
                boolean stored = writes.write(new Checked(request, input, secrets, resentSince, cleaned));
                if (!stored) {
                    return repeated(store.recentIdentical(input.clientId(), fingerprint, resentSince).orElseThrow());
                }
                return new CitizenRequests.Submission(request, false, citizenKey, secrets.token());
            } catch (DuplicateKeyException e) {
                // Either the idempotency key was used before (perhaps by a concurrent POST), or (once in 10^15) a
                // tracking number repeated.
                if (idempotencyKey != null && input.clientId() != null) {
                    Optional<ServiceRequest> winner = store.byIdempotencyKey(input.clientId(), idempotencyKey);
                    if (winner.isPresent()) {
                        return repeated(winner.get());
                    }
                }
                if (attempt >= 3) {
                    throw e;
                }
            }
        }
    }

    private CitizenRequests.Submission repeated(ServiceRequest earlier) {
        return new CitizenRequests.Submission(earlier, true, null, store.tokenOf(earlier.id()).orElse(null));
    }

    /** A submission that passed every check, ready to be written. */
    private record Checked(ServiceRequest request, NewRequest input, RequestStore.Secrets secrets,
                           @Nullable Instant resentSince, List<CleanPhoto> photos) {
    }

    /**
     * Stores requests and all that goes with them in one transaction, one round trip per table; for
     * each, false (and nothing written for it) if it was a resent report.
     */
    private List<Boolean> storeTogether(List<Checked> group) {
        return transactions.execute(status -> {
            boolean[] inserted = store.insert(group.stream()
                    .map(c -> new RequestStore.NewRow(c.request(), c.secrets(), c.resentSince())).toList());
            List<RequestJournal.Change> changes = new ArrayList<>();
            List<Boolean> stored = new ArrayList<>();
            for (int i = 0; i < group.size(); i++) {
                stored.add(inserted[i]);
                if (inserted[i]) {
                    changes.add(submitted(group.get(i)));
                }
            }
            journal.recordAll(changes);
            for (RequestJournal.Change change : changes) {
                ServiceRequest request = change.after();
                events.publishEvent(new RequestSubmitted(request.id(), request.trackingNumber(), request.serviceCode(),
                        request.departmentId(), request.districtCode(), request.submittedAt()));
            }
            return stored;
        });
    }

    /** Stores the photos of a request just inserted; what its history and evidence will say. */
    private RequestJournal.Change submitted(Checked checked) {
        ServiceRequest request = checked.request();
        NewRequest input = checked.input();
        for (CleanPhoto photo : checked.photos()) {
            photos.add(request.id(), photo, request.submittedAt());
        }
        Actor actor = input.clientId() != null ? new Actor(input.citizenId(), input.clientId(), "")
                : input.citizenId() != null ? Actor.person(input.citizenId()) : Actor.ANONYMOUS;
        Map<String, Object> details = new java.util.LinkedHashMap<>();
        details.put("digest", RequestJournal.sha256(request.description()));
        if (request.districtCode() != null) {
            details.put("district", request.districtCode());
        }
        if (request.departmentId() != null) {
            details.put("department", journal.identifier(request.departmentId()));
        }
        return new RequestJournal.Change(request, Kind.SUBMITTED, null, true, actor, null, details);
    }

    private List<CleanPhoto> cleanPhotos(List<NewRequest.Photo> uploads) {
        if (uploads.size() > settings.maxPhotos()) {
            throw new RequestRefused(RequestsErrorCode.TOO_MANY_PHOTOS,
                    "Attach at most " + settings.maxPhotos() + " photos", settings.maxPhotos());
        }
        List<CleanPhoto> cleaned = new ArrayList<>();
        for (NewRequest.Photo upload : uploads) {
            try {
                cleaned.add(sanitizer.clean(upload.bytes()));
            } catch (RejectedPhoto e) {
                throw new RequestRefused(RequestsErrorCode.PHOTO_REJECTED, e.getMessage(), e.reason().name());
            }
        }
        return cleaned;
    }
}
