package org.commonweal.requests;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.commonweal.identity.CommonwealUser;
import org.commonweal.identity.Organisation;
import org.commonweal.identity.OrganisationKind;
import org.commonweal.identity.Organisations;
import org.commonweal.requests.RequestJournal.Actor;
import org.commonweal.requests.RequestUpdate.Kind;
import org.commonweal.requests.internal.RequestStore;
import org.commonweal.requests.internal.Routing;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What department staff do with requests. Each action names the version the person saw, so two
 * people acting on one request at once cannot overwrite each other: the second is told to reload.
 */
@Service
public class RequestHandling {

    private static final int MAX_NOTE = 4000;

    private final RequestJournal journal;
    private final RequestStore store;
    private final Organisations organisations;
    private final Routing routing;
    private final RequestSettings settings;
    private final TransactionTemplate transactions;

    RequestHandling(RequestJournal journal, Organisations organisations, Routing routing, RequestSettings settings,
                    TransactionTemplate transactions) {
        this.journal = journal;
        this.store = journal.store();
        this.organisations = organisations;
        this.routing = routing;
        this.settings = settings;
        this.transactions = transactions;
    }

    /** Takes the request up: the first contact that the response rate counts. */
    public ServiceRequest accept(String trackingNumber, CommonwealUser staff, int version, @Nullable String note) {
        return act(trackingNumber, staff, version, Responsibility.RESPONSIBLE, request -> {
            requireStatus(request, "accept a newly routed request", RequestStatus.SUBMITTED);
            set(request, "status = 'IN_PROGRESS', first_response_at = coalesce(first_response_at, ?)", now());
            return Kind.ACCEPTED;
        }, optionalNote(note), true, null);
    }

    /** Asks the citizen for more information; the clock pauses until they answer. */
    public ServiceRequest askForClarification(String trackingNumber, CommonwealUser staff, int version, @Nullable String question) {
        String text = requiredNote(question, "Write the question for the citizen");
        return act(trackingNumber, staff, version, Responsibility.RESPONSIBLE, request -> {
            requireStatus(request, "ask about a request that is open", RequestStatus.SUBMITTED, RequestStatus.IN_PROGRESS);
            set(request, "status = 'WAITING_FOR_CITIZEN', paused_at = ?, first_response_at = coalesce(first_response_at, ?)",
                    now(), now());
            return Kind.CLARIFICATION_REQUESTED;
        }, text, true, null);
    }

    /** A note on the request; public notes are shown to the citizen and over Open311. */
    public ServiceRequest addNote(String trackingNumber, CommonwealUser staff, int version, @Nullable String note, boolean isPublic) {
        String text = requiredNote(note, "Write the note");
        return act(trackingNumber, staff, version, Responsibility.RESPONSIBLE, request -> {
            if (isPublic) {
                set(request, "status_notes = ?", text);
            } else {
                set(request, "status_notes = status_notes");
            }
            return Kind.NOTE;
        }, text, isPublic, null);
    }

    /**
     * Proposes to hand the request to another department. The first department stays responsible
     * until the other accepts; transfers are counted, limited and shown to the citizen.
     */
    public ServiceRequest proposeTransfer(String trackingNumber, CommonwealUser staff, int version, UUID toDepartment,
                                          @Nullable String reason) {
        String why = requiredNote(reason, "Say why the other department should handle it");
        Organisation target = organisations.find(toDepartment)
                .filter(o -> o.kind() == OrganisationKind.DEPARTMENT)
                .orElseThrow(() -> new RequestRefused(RequestsErrorCode.TRANSFER_TARGET_INVALID, "Choose a government department"));
        return act(trackingNumber, staff, version, Responsibility.RESPONSIBLE, request -> {
            requireStatus(request, "transfer an open request", RequestStatus.SUBMITTED, RequestStatus.IN_PROGRESS);
            if (target.id().equals(request.departmentId())) {
                throw new RequestRefused(RequestsErrorCode.TRANSFER_TARGET_INVALID, "The request is already with that department");
            }
            if (request.transferCount() >= settings.maxTransfers()) {
                throw new RequestRefused(RequestsErrorCode.TRANSFER_LIMIT_REACHED, "This request has been transferred "
                        + request.transferCount() + " times, the most allowed; handle it or ask the 12345 supervisor",
                        settings.maxTransfers());
            }
            set(request, "transfer_to_id = ?", target.id());
            return Kind.TRANSFER_PROPOSED;
        }, why, true, target.id());
    }

    /** The receiving department takes the transferred request over. */
    public ServiceRequest acceptTransfer(String trackingNumber, CommonwealUser staff, int version) {
        return act(trackingNumber, staff, version, Responsibility.TRANSFER_TARGET, request -> {
            set(request, "department_id = transfer_to_id, transfer_to_id = NULL, transfer_count = transfer_count + 1,"
                    + " status = CASE WHEN status = 'IN_PROGRESS' THEN 'IN_PROGRESS' ELSE 'SUBMITTED' END");
            return Kind.TRANSFERRED;
        }, null, true, staff.organisationId());
    }

    /** The receiving department refuses; the request stays with the first. */
    public ServiceRequest declineTransfer(String trackingNumber, CommonwealUser staff, int version, @Nullable String reason) {
        String why = requiredNote(reason, "Say why your department is not the right one");
        return act(trackingNumber, staff, version, Responsibility.TRANSFER_TARGET, request -> {
            set(request, "transfer_to_id = NULL");
            return Kind.TRANSFER_DECLINED;
        }, why, true, null);
    }

    /** Answers the citizen; they may then rate it or reopen it. */
    public ServiceRequest resolve(String trackingNumber, CommonwealUser staff, int version, @Nullable String reply) {
        String text = requiredNote(reply, "Write the reply to the citizen: what was done");
        return act(trackingNumber, staff, version, Responsibility.RESPONSIBLE, request -> {
            requireStatus(request, "resolve a request in progress", RequestStatus.SUBMITTED, RequestStatus.IN_PROGRESS);
            set(request, "status = 'RESOLVED', status_notes = ?, resolved_at = ?, transfer_to_id = NULL,"
                    + " first_response_at = coalesce(first_response_at, ?)", text, now(), now());
            return Kind.RESOLVED;
        }, text, true, null);
    }

    /** Closes a duplicate into the request it repeats; its supporters count for that one. */
    public ServiceRequest merge(String trackingNumber, CommonwealUser staff, int version, String intoTrackingNumber) {
        ServiceRequest into = store.byTrackingNumber(intoTrackingNumber.strip().toUpperCase(java.util.Locale.ROOT))
                .filter(r -> r.status().isOpen())
                .orElseThrow(() -> new RequestRefused(RequestsErrorCode.MERGE_TARGET_INVALID,
                        "Give the tracking number of an open request to merge into"));
        return act(trackingNumber, staff, version, Responsibility.RESPONSIBLE, request -> {
            requireStatus(request, "merge an open request", RequestStatus.SUBMITTED, RequestStatus.IN_PROGRESS,
                    RequestStatus.WAITING_FOR_CITIZEN);
            if (into.id().equals(request.id())) {
                throw new RequestRefused(RequestsErrorCode.MERGE_TARGET_INVALID, "A request cannot be merged into itself");
            }
            set(request, "status = 'CLOSED', merged_into = ?, closed_at = ?, status_notes = ?", into.id(), now(),
                    "Duplicate of " + into.trackingNumber());
            store.jdbc().sql("UPDATE requests_request SET support_count = support_count + 1 + ?, version = version + 1"
                    + " WHERE id = ?").params(request.supportCount(), into.id()).update();
            return Kind.MERGED;
        }, "Duplicate of " + into.trackingNumber(), true, null);
    }

    /** The supervisor sends a request that could not be routed to a department. */
    public ServiceRequest route(String trackingNumber, CommonwealUser supervisor, int version, UUID department) {
        Organisation target = organisations.find(department).filter(o -> o.kind() == OrganisationKind.DEPARTMENT)
                .orElseThrow(() -> new RequestRefused(RequestsErrorCode.TRANSFER_TARGET_INVALID, "Choose a government department"));
        return act(trackingNumber, supervisor, version, Responsibility.SUPERVISOR, request -> {
            requireStatus(request, "route a request waiting in the supervisor's queue", RequestStatus.UNROUTED);
            set(request, "status = 'SUBMITTED', department_id = ?", target.id());
            return Kind.ROUTED;
        }, null, true, target.id());
    }

    /** Marks overdue requests as escalated, once each, so they show up for the department administrator. */
    public int escalateOverdue() {
        Instant now = now();
        List<ServiceRequest> overdue = store.list("status IN ('SUBMITTED', 'IN_PROGRESS') AND escalated_at IS NULL"
                + " AND resolution_due <= ? ORDER BY resolution_due LIMIT 500", RequestStore.ts(now));
        return changeEach(overdue, "escalated_at = :now, version = version + 1 WHERE id = :id AND escalated_at IS NULL",
                Kind.ESCALATED, false);
    }

    /** Closes answered requests nobody rated or reopened within the reopening window. */
    public int closeUnrated() {
        Instant now = now();
        List<ServiceRequest> answered = store.list("status = 'RESOLVED' AND resolved_at <= ? ORDER BY resolved_at LIMIT 500",
                RequestStore.ts(now.minus(java.time.Duration.ofDays(settings.reopenDays()))));
        return changeEach(answered, "status = 'CLOSED', closed_at = :now, updated_at = :now,"
                + " version = version + 1 WHERE id = :id AND status = 'RESOLVED'", Kind.CLOSED, true);
    }

    /**
     * The clock's changes, one request per transaction, at {@code :now} to the request {@code :id};
     * the condition in {@code change} makes a second run change nothing.
     */
    private int changeEach(List<ServiceRequest> requests, String change, Kind kind, boolean isPublic) {
        Instant now = now();
        for (ServiceRequest request : requests) {
            transactions.executeWithoutResult(status -> {
                int changed = store.jdbc().sql("UPDATE requests_request SET " + change)
                        .param("now", RequestStore.ts(now)).param("id", request.id()).update();
                if (changed == 1) {
                    journal.record(store.byId(request.id()).orElseThrow(), kind, null, isPublic, Actor.SYSTEM, null,
                            Map.of());
                }
            });
        }
        return requests.size();
    }

    /** Whether this person may act on the request now (for showing or hiding the action forms). */
    public boolean mayHandle(ServiceRequest request, CommonwealUser user) {
        return user.organisationId() != null && (user.organisationId().equals(request.departmentId())
                || user.organisationId().equals(request.transferToId())
                || request.status() == RequestStatus.UNROUTED && isSupervisor(user));
    }

    public boolean isSupervisor(CommonwealUser user) {
        return user.organisationId() != null
                && routing.supervisor().map(s -> s.id().equals(user.organisationId())).orElse(false);
    }

    /** The full history, internal notes included, for staff. */
    public List<RequestUpdate> history(ServiceRequest request) {
        return store.updates(request.id(), false);
    }

    // ---- helpers -------------------------------------------------------------------------------

    private enum Responsibility { RESPONSIBLE, TRANSFER_TARGET, SUPERVISOR }

    private interface Transition {
        Kind apply(ServiceRequest locked);
    }

    private ServiceRequest act(String trackingNumber, CommonwealUser staff, int version, Responsibility who,
                               Transition transition, @Nullable String note, boolean isPublic, @Nullable UUID toDepartment) {
        if (staff.organisationId() == null) {
            throw new RequestRefused(RequestsErrorCode.NOT_YOUR_DEPARTMENT, "Only department staff handle requests");
        }
        ServiceRequest found = store.byTrackingNumber(trackingNumber).orElseThrow(() -> new RequestRefused(
                RequestsErrorCode.REQUEST_NOT_FOUND, "No request has the tracking number '" + trackingNumber + "'"));
        return Objects.requireNonNull(transactions.execute(status -> {
            ServiceRequest locked = store.lock(found.id()).orElseThrow();
            checkResponsibility(locked, staff, who);
            if (locked.version() != version) {
                throw new RequestRefused(RequestsErrorCode.STALE_VERSION,
                        "Someone else changed this request while you were looking at it; reload it and try again");
            }
            Kind kind = transition.apply(locked);
            ServiceRequest after = store.byId(found.id()).orElseThrow();
            journal.record(after, kind, note, isPublic, Actor.staff(staff.id(), staff.organisationId()), toDepartment, Map.of());
            return after;
        }));
    }

    private void checkResponsibility(ServiceRequest request, CommonwealUser staff, Responsibility who) {
        UUID department = staff.organisationId();
        boolean allowed = switch (who) {
            case RESPONSIBLE -> department != null && department.equals(request.departmentId());
            case TRANSFER_TARGET -> department != null && department.equals(request.transferToId());
            case SUPERVISOR -> isSupervisor(staff);
        };
        if (!allowed) {
            throw new RequestRefused(RequestsErrorCode.NOT_YOUR_DEPARTMENT, switch (who) {
                case RESPONSIBLE -> "This request is not with your department";
                case TRANSFER_TARGET -> "No transfer of this request to your department is waiting";
                case SUPERVISOR -> "Only the 12345 supervisor routes requests by hand";
            });
        }
    }

    private void set(ServiceRequest request, String assignments, @Nullable Object... values) {
        Object[] params = new Object[values.length + 2];
        for (int i = 0; i < values.length; i++) {
            params[i] = values[i] instanceof Instant instant ? RequestStore.ts(instant) : values[i];
        }
        params[values.length] = RequestStore.ts(now());
        params[values.length + 1] = request.id();
        store.jdbc().sql("UPDATE requests_request SET " + assignments + ", updated_at = ?, version = version + 1 WHERE id = ?")
                .params(params).update();
    }

    private static void requireStatus(ServiceRequest request, String allowed, RequestStatus... statuses) {
        if (!List.of(statuses).contains(request.status())) {
            throw CitizenRequests.wrongStatus(request, allowed);
        }
    }

    private static @Nullable String optionalNote(@Nullable String note) {
        String text = Texts.clean(note);
        if (text != null && Texts.length(text) > MAX_NOTE) {
            throw new RequestRefused(RequestsErrorCode.NOTE_TOO_LONG, "A note can have at most " + MAX_NOTE + " characters");
        }
        return text;
    }

    private static String requiredNote(@Nullable String note, String whatToDo) {
        String text = optionalNote(note);
        if (text == null) {
            throw new RequestRefused(RequestsErrorCode.REASON_MISSING, whatToDo);
        }
        return text;
    }

    private Instant now() {
        return journal.now();
    }
}
