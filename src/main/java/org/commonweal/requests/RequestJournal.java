package org.commonweal.requests;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.commonweal.identity.Actors;
import org.commonweal.identity.Organisations;
import org.commonweal.ledger.Evidence;
import org.commonweal.ledger.Ledger;
import org.commonweal.requests.RequestUpdate.Kind;
import org.commonweal.requests.internal.Notifications;
import org.commonweal.requests.internal.RequestStore;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Writes down a change to a request in the three places it belongs, inside the caller's
 * transaction: the request's own history, the public ledger (no personal data: tracking number,
 * category, organisation identifiers, pseudonyms, digests) and the requester's notifications.
 */
@Component
class RequestJournal {

    private final RequestStore store;
    private final Ledger ledger;
    private final Notifications notifications;
    private final Organisations organisations;
    private final Clock clock;
    private final Map<UUID, String> identifiers = new java.util.concurrent.ConcurrentHashMap<>();

    RequestJournal(RequestStore store, Ledger ledger, Notifications notifications, Organisations organisations, Clock clock) {
        this.store = store;
        this.ledger = ledger;
        this.notifications = notifications;
        this.organisations = organisations;
        this.clock = clock;
    }

    Instant now() {
        return clock.instant();
    }

    RequestStore store() {
        return store;
    }

    /**
     * Who acted, for the history and the ledger: an organisation under its own identifier (staff act
     * for their department, API clients for theirs), a person under a pseudonym, or {@code otherwise}.
     */
    record Actor(@Nullable UUID accountId, @Nullable UUID organisationId, String otherwise) {
        static final Actor SYSTEM = new Actor(null, null, "system");
        static final Actor ANONYMOUS = new Actor(null, null, "anonymous");

        static Actor person(UUID accountId) {
            return new Actor(accountId, null, "");
        }

        static Actor staff(UUID accountId, UUID departmentId) {
            return new Actor(accountId, departmentId, "");
        }
    }

    /** A change to a request, as it is to be written down. */
    record Change(ServiceRequest after, Kind kind, @Nullable String note, boolean isPublic, Actor actor,
                  @Nullable UUID toDepartment, Map<String, Object> details) {
    }

    void record(ServiceRequest after, Kind kind, @Nullable String note, boolean isPublic, Actor actor,
                @Nullable UUID toDepartment, Map<String, Object> details) {
        recordAll(List.of(new Change(after, kind, note, isPublic, actor, toDepartment, details)));
    }

    /** Writes down several changes, with one round trip to each place however many there are. */
    void recordAll(List<Change> changes) {
        Instant now = now();
        List<RequestUpdate> updates = new ArrayList<>();
        List<Evidence> evidence = new ArrayList<>();
        List<Notifications.Notice> notices = new ArrayList<>();
        for (Change change : changes) {
            ServiceRequest after = change.after();
            String kind = change.kind().name().toLowerCase(java.util.Locale.ROOT);
            updates.add(new RequestUpdate(UUID.randomUUID(), after.id(), change.kind(), after.status(), change.note(),
                    change.isPublic(), change.actor().accountId(), change.actor().organisationId(), change.toDepartment(),
                    now));
            Map<String, Object> details = new LinkedHashMap<>(change.details());
            details.put("category", after.serviceCode());
            details.put("status", after.status().name().toLowerCase(java.util.Locale.ROOT));
            if (change.toDepartment() != null) {
                details.put("to", identifier(change.toDepartment()));
            }
            evidence.add(new Evidence("requests." + kind, after.trackingNumber(), actorName(change.actor()), details));
            if (change.isPublic()) {
                notices.add(new Notifications.Notice(after, kind, change.note() == null ? "" : change.note()));
            }
        }
        store.addUpdates(updates);
        ledger.recordAll(evidence);
        notifications.changed(notices);
    }

    /** An organisation's identifier never changes (a rename changes its names), so it is read once. */
    String identifier(UUID organisationId) {
        return identifiers.computeIfAbsent(organisationId, id -> organisations.get(id).identifier().toString());
    }

    private String actorName(Actor actor) {
        if (actor.organisationId() != null) {
            return identifier(actor.organisationId());
        }
        return actor.accountId() == null ? actor.otherwise() : Actors.of(actor.accountId(), ledger);
    }

    static String sha256(String text) {
        try {
            return "sha256:" + HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }
}
