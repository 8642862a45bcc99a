package org.commonweal.requests;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.commonweal.requests.RequestJournal.Actor;
import org.commonweal.requests.RequestUpdate.Kind;
import org.commonweal.requests.internal.PhotoStore;
import org.commonweal.requests.internal.RequestStore;
import org.commonweal.requests.internal.TrackingNumbers;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** What citizens do with requests: submit, follow, add information, support, rate, reopen. */
@Service
public class CitizenRequests {

    /**
     * The stored request, whether it was new, the key for its receipt (anonymous requesters only) and
     * its Open311 token (given here so that answering the client needs no second read after the commit).
     */
    public record Submission(ServiceRequest request, boolean repeated, @Nullable String citizenKey, @Nullable String token) {
    }

    /**
     * Who is acting on a request as its requester: a signed-in citizen, the key from the receipt, or
     * the API client (its organisation) that submitted the request for someone.
     */
    public record Requester(@Nullable UUID citizenId, @Nullable String key, @Nullable UUID clientId) {

        public static Requester withKey(@Nullable String key) {
            return new Requester(null, key, null);
        }

        public static Requester client(UUID organisationId) {
            return new Requester(null, null, organisationId);
        }
    }

    private final SubmittingRequest submitting;
    private final Categories categories;
    private final RequestJournal journal;
    private final RequestStore store;
    private final PhotoStore photos;
    private final DeadlineClock deadlines;
    private final RequestSettings settings;
    private final TransactionTemplate transactions;

    CitizenRequests(SubmittingRequest submitting, Categories categories, RequestJournal journal, PhotoStore photos,
                    DeadlineClock deadlines, RequestSettings settings, TransactionTemplate transactions) {
        this.submitting = submitting;
        this.categories = categories;
        this.journal = journal;
        this.store = journal.store();
        this.photos = photos;
        this.deadlines = deadlines;
        this.settings = settings;
        this.transactions = transactions;
    }

    /**
     * Checks, routes and stores a new request with its evidence. A repeated submission (same client
     * and idempotency key, or the same report from the same client within the replay window) returns
     * the request stored the first time.
     */
    public Submission submit(NewRequest input) {
        return submitting.submit(input);
    }

    // ---- following a request -----------------------------------------------------------------

    /** The request with this tracking number, typed as people type it. */
    public Optional<ServiceRequest> find(String trackingNumber) {
        return TrackingNumbers.normalise(trackingNumber).flatMap(store::byTrackingNumber);
    }

    public ServiceRequest get(String trackingNumber) {
        return find(trackingNumber).orElseThrow(() -> new RequestRefused(RequestsErrorCode.REQUEST_NOT_FOUND,
                "No request has the tracking number '" + trackingNumber + "'", trackingNumber));
    }

    public ServiceRequest byId(UUID id) {
        return store.byId(id).orElseThrow(() -> new RequestRefused(RequestsErrorCode.REQUEST_NOT_FOUND, "No request " + id, id));
    }

    /** A signed-in citizen's own requests, newest first. */
    public List<ServiceRequest> of(UUID citizenId) {
        return store.list("citizen_id = ? ORDER BY submitted_at DESC LIMIT 200", citizenId);
    }

    public List<RequestUpdate> publicUpdates(ServiceRequest request) {
        return store.updates(request.id(), true);
    }

    public List<UUID> photos(ServiceRequest request) {
        return photos.of(request.id());
    }

    /** The first photo of each request that has one, by request id. */
    public Map<UUID, UUID> firstPhotos(List<ServiceRequest> requests) {
        return photos.firstOf(requests.stream().map(ServiceRequest::id).toList());
    }

    public Optional<PhotoStore.StoredPhoto> photo(UUID id) {
        return photos.find(id);
    }

    /** Whether this person may act as the request's requester. */
    public boolean isRequester(ServiceRequest request, Requester requester) {
        if (requester.clientId() != null) {
            return store.clientOf(request.id()).map(requester.clientId()::equals).orElse(false);
        }
        if (request.citizenId() != null) {
            return request.citizenId().equals(requester.citizenId());
        }
        return requester.key() != null && requester.key().length() < 100
                && store.keyMatches(request.id(), RequestJournal.sha256(requester.key()));
    }

    // ---- the requester's actions ---------------------------------------------------------------

    /** Adds information; if the department was waiting for it, the clock runs again. */
    public ServiceRequest addInformation(String trackingNumber, Requester requester, @Nullable String text) {
        String information = RequestRules.description(text);
        return change(trackingNumber, requester, request -> {
            if (!request.status().isOpen()) {
                throw wrongStatus(request, "add information to an open request");
            }
            if (request.status() == RequestStatus.WAITING_FOR_CITIZEN) {
                Instant now = journal.now();
                store.jdbc().sql("UPDATE requests_request SET status = 'IN_PROGRESS', paused_at = NULL,"
                                + " resolution_due = ?, updated_at = ?, version = version + 1 WHERE id = ?")
                        .params(RequestStore.ts(deadlines.resumed(request, now)), RequestStore.ts(now), request.id()).update();
            } else {
                touch(request);
            }
            return Kind.INFORMATION_ADDED;
        }, information, Map.of("digest", RequestJournal.sha256(information)));
    }

    /** The citizen's verdict; it closes the request. */
    public ServiceRequest rate(String trackingNumber, Requester requester, Rating rating, boolean solved,
                               @Nullable String comment) {
        String cleanComment = Texts.clean(comment);
        if (cleanComment != null && Texts.length(cleanComment) > 1000) {
            throw new RequestRefused(RequestsErrorCode.RATING_INVALID, "A comment can have at most 1000 characters");
        }
        return change(trackingNumber, requester, request -> {
            if (request.status() != RequestStatus.RESOLVED) {
                throw wrongStatus(request, "rate a resolved request");
            }
            Instant now = journal.now();
            store.jdbc().sql("UPDATE requests_request SET status = 'CLOSED', rating = ?, rated_solved = ?,"
                            + " rating_comment = ?, rated_at = ?, closed_at = ?, updated_at = ?, version = version + 1"
                            + " WHERE id = ?")
                    .params(rating.name(), solved, cleanComment, RequestStore.ts(now), RequestStore.ts(now),
                            RequestStore.ts(now), request.id()).update();
            return Kind.RATED;
        }, cleanComment, Map.of("rating", rating.name().toLowerCase(java.util.Locale.ROOT), "solved", solved));
    }

    /** Reopens a resolved request that was not really fixed, within the reopening window. */
    public ServiceRequest reopen(String trackingNumber, Requester requester, @Nullable String reason) {
        String why = Texts.clean(reason);
        if (why == null) {
            throw new RequestRefused(RequestsErrorCode.REASON_MISSING, "Say why the problem is not fixed");
        }
        return change(trackingNumber, requester, request -> {
            if (request.status() != RequestStatus.RESOLVED || request.resolvedAt() == null) {
                throw wrongStatus(request, "reopen a resolved request");
            }
            Instant now = journal.now();
            if (request.resolvedAt().plus(Duration.ofDays(settings.reopenDays())).isBefore(now)) {
                throw new RequestRefused(RequestsErrorCode.REOPEN_WINDOW_CLOSED, "A request can be reopened for "
                        + settings.reopenDays() + " days after it was resolved; make a new request instead",
                        settings.reopenDays());
            }
            Category category = categories.get(request.serviceCode());
            store.jdbc().sql("UPDATE requests_request SET status = 'IN_PROGRESS', resolved_at = NULL,"
                            + " reopen_count = reopen_count + 1, resolution_due = ?, escalated_at = NULL,"
                            + " updated_at = ?, version = version + 1 WHERE id = ?")
                    .params(RequestStore.ts(deadlines.resolutionDue(category, now)), RequestStore.ts(now), request.id())
                    .update();
            return Kind.REOPENED;
        }, why, Map.of());
    }

    /** A signed-in person says "me too" instead of reporting the same thing again; once per person. */
    public ServiceRequest support(String trackingNumber, UUID citizenId) {
        ServiceRequest request = get(trackingNumber);
        return transactions.execute(status -> {
            int added = store.jdbc().sql("INSERT INTO requests_support (request_id, supporter, at) VALUES (?, ?, ?)"
                            + " ON CONFLICT DO NOTHING")
                    .params(request.id(), citizenId.toString(), RequestStore.ts(journal.now())).update();
            if (added == 1) {
                store.jdbc().sql("UPDATE requests_request SET support_count = support_count + 1 WHERE id = ?")
                        .param(request.id()).update();
            }
            return store.byId(request.id()).orElseThrow();
        });
    }

    /** Open requests of the same category near a point, to support instead of duplicating. */
    public List<ServiceRequest> openNearby(String serviceCode, double lat, double lon) {
        double meters = settings.nearbyMeters();
        double dLat = meters / 111_320.0;
        double dLon = meters / (111_320.0 * Math.max(0.01, Math.cos(Math.toRadians(lat))));
        return store.list("service_code = ? AND status NOT IN ('RESOLVED', 'CLOSED') AND lat BETWEEN ? AND ?"
                                + " AND lon BETWEEN ? AND ? ORDER BY submitted_at DESC LIMIT 5",
                        serviceCode, lat - dLat, lat + dLat, lon - dLon, lon + dLon);
    }

    // ---- helpers -------------------------------------------------------------------------------

    private interface Transition {
        Kind apply(ServiceRequest locked);
    }

    private ServiceRequest change(String trackingNumber, Requester requester, Transition transition,
                                  @Nullable String note, Map<String, Object> details) {
        ServiceRequest found = get(trackingNumber);
        if (!isRequester(found, requester)) {
            throw new RequestRefused(RequestsErrorCode.NOT_YOUR_REQUEST,
                    "Only the person who made this request can do this; sign in or use the link on your receipt");
        }
        return transactions.execute(status -> {
            ServiceRequest locked = store.lock(found.id()).orElseThrow();
            Kind kind = transition.apply(locked);
            ServiceRequest after = store.byId(found.id()).orElseThrow();
            Actor actor = requester.clientId() != null ? new Actor(null, requester.clientId(), "")
                    : requester.citizenId() != null ? Actor.person(requester.citizenId()) : Actor.ANONYMOUS;
            journal.record(after, kind, note, true, actor, null, details);
            return after;
        });
    }

    private void touch(ServiceRequest request) {
        store.jdbc().sql("UPDATE requests_request SET updated_at = ?, version = version + 1 WHERE id = ?")
                .params(RequestStore.ts(journal.now()), request.id()).update();
    }

    static RequestRefused wrongStatus(ServiceRequest request, String allowed) {
        return new RequestRefused(RequestsErrorCode.WRONG_STATUS, "The request is " + request.status()
                .name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + "; you can only " + allowed,
                request.status().name());
    }
}
