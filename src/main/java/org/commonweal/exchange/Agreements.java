package org.commonweal.exchange;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.commonweal.calendar.WorkingCalendar;
import org.commonweal.exchange.internal.GatewayCache;
import org.commonweal.exchange.internal.ResourceDirectory;
import org.commonweal.exchange.internal.ResourceDirectory.SharedResource;
import org.commonweal.identity.OrganisationIdentifier;
import org.commonweal.identity.Organisations;
import org.commonweal.ledger.Evidence;
import org.commonweal.ledger.Ledger;
import org.commonweal.platform.CommonwealException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sharing agreements: granted (usually when a sharing application is approved), suspended, resumed,
 * revoked, and expired by the clock. Each change writes ledger evidence in the caller's transaction;
 * the gateway sees it at once on this node and within the cache time on others.
 */
@Service
public class Agreements {

    static final int MAX_CALLS_PER_MINUTE = 1_000_000;
    static final int MAX_TRACKER_DELAY_DAYS = 3650;
    private static final String COLUMNS = "id, consumer, service_id, provider_member, resource_code, purpose, legal_basis,"
            + " data_items, valid_until, calls_per_minute, tracker_delay_days, status, status_reason, granted_at,"
            + " changed_at, version";

    private final JdbcClient jdbc;
    private final ExchangeServices services;
    private final ResourceDirectory resources;
    private final Organisations organisations;
    private final Ledger ledger;
    private final ApplicationEventPublisher events;
    private final GatewayCache cache;
    private final Clock clock;
    private final WorkingCalendar calendar;

    Agreements(JdbcClient jdbc, ExchangeServices services, ResourceDirectory resources, Organisations organisations,
               Ledger ledger, ApplicationEventPublisher events, GatewayCache cache, Clock clock, WorkingCalendar calendar) {
        this.calendar = calendar;
        this.jdbc = jdbc;
        this.services = services;
        this.resources = resources;
        this.organisations = organisations;
        this.ledger = ledger;
        this.events = events;
        this.cache = cache;
        this.clock = clock;
    }

    /**
     * Grants an agreement in the caller's transaction (or a new one), with ledger evidence. Refused:
     * an unknown consumer or service, a resource the service does not deliver or that is not offered
     * through the gateway, items the resource does not have, an end date in the past.
     *
     * @param grantedBy who decided (an account id or a name); only its pseudonym reaches the ledger
     */
    @Transactional(propagation = Propagation.REQUIRED)
    public Agreement grant(AgreementTerms terms, String grantedBy) {
        OrganisationIdentifier consumer = consumer(terms.consumer());
        RegisteredService service = services.find(terms.serviceId().strip()).filter(RegisteredService::active)
                .orElseThrow(() -> ExchangeServices.notFound(terms.serviceId()));
        SharedResource resource = resources.find(terms.resourceCode()).orElseThrow(() -> new CommonwealException(
                ExchangeErrorCode.RESOURCE_NOT_FOUND, "The catalogue has no resource " + ServiceId.abbreviate(terms.resourceCode())));
        if (!service.resourceCode().equals(resource.code())) {
            throw new CommonwealException(ExchangeErrorCode.TERMS_INVALID,
                    "The service " + service.serviceId() + " delivers " + service.resourceCode() + ", not " + resource.code());
        }
        if (!resource.offeredThroughGateway()) {
            throw new CommonwealException(ExchangeErrorCode.RESOURCE_NOT_OFFERED,
                    "The resource " + resource.code() + " is not shared through the gateway (not shared, or core data)");
        }
        checkTerms(terms, resource);
        LocalDate today = today();
        if (terms.validUntil().isBefore(today)) {
            throw new CommonwealException(ExchangeErrorCode.TERMS_INVALID, "The agreement would end before today (" + today + ")");
        }
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        String[] items = new TreeSet<>(terms.dataItems()).toArray(String[]::new);
        jdbc.sql("INSERT INTO exchange_agreement (id, consumer, consumer_member, service_id, provider_member, resource_code,"
                        + " purpose, legal_basis, data_items, valid_until, calls_per_minute, tracker_delay_days, status,"
                        + " granted_at, granted_by, changed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'ACTIVE', ?, ?, ?)")
                .params(id, consumer.toString(), consumer.memberCode(), service.serviceId().toString(),
                        service.serviceId().providerMemberCode(), resource.code(), terms.purpose().strip(),
                        terms.legalBasis().strip(), items, Date.valueOf(terms.validUntil()), terms.callsPerMinute(),
                        terms.trackerDelayDays(), Timestamp.from(now), actor(grantedBy), Timestamp.from(now))
                .update();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("consumer", consumer.toString());
        details.put("service", service.serviceId().toString());
        details.put("resource", resource.code());
        details.put("items", List.of(items));
        details.put("valid_until", terms.validUntil().toString());
        details.put("calls_per_minute", terms.callsPerMinute());
        details.put("tracker_delay_days", terms.trackerDelayDays());
        details.put("purpose_digest", digest(terms.purpose().strip()));
        details.put("legal_basis_digest", digest(terms.legalBasis().strip()));
        ledger.record(new Evidence("exchange.agreement_granted", subject(id), actor(grantedBy), details));
        events.publishEvent(new AgreementGranted(id, consumer.toString(), service.serviceId().toString(), resource.code(), now));
        cache.forgetAgreementsAfterCommit();
        return find(id).orElseThrow();
    }

    /** Stops calls for now; the reason goes to the ledger as a digest. */
    @Transactional
    public Agreement suspend(UUID id, String reason, String by) {
        return change(id, AgreementStatus.SUSPENDED, requireReason(reason), by, Set.of(AgreementStatus.ACTIVE));
    }

    /** Lets calls pass again, unless the agreement has passed its last day meanwhile. */
    @Transactional
    public Agreement resume(UUID id, String by) {
        Agreement agreement = get(id);
        if (agreement.terms().validUntil().isBefore(today())) {
            throw new CommonwealException(ExchangeErrorCode.WRONG_STATUS,
                    "The agreement ended on " + agreement.terms().validUntil() + " and cannot be resumed; grant a new one");
        }
        return change(id, AgreementStatus.ACTIVE, null, by, Set.of(AgreementStatus.SUSPENDED));
    }

    /** Ends the agreement for good. */
    @Transactional
    public Agreement revoke(UUID id, String reason, String by) {
        return change(id, AgreementStatus.REVOKED, requireReason(reason), by,
                Set.of(AgreementStatus.ACTIVE, AgreementStatus.SUSPENDED));
    }

    /**
     * Expires every active or suspended agreement whose last day is before today, each with its own
     * evidence. Called by the scheduler; returns how many expired.
     */
    @Transactional
    public int expireOverdue() {
        List<UUID> overdue = jdbc.sql("SELECT id FROM exchange_agreement WHERE status IN ('ACTIVE', 'SUSPENDED')"
                        + " AND valid_until < ? ORDER BY valid_until, id LIMIT 1000")
                .param(Date.valueOf(today())).query(UUID.class).list();
        for (UUID id : overdue) {
            Agreement agreement = get(id);
            change(id, AgreementStatus.EXPIRED, "valid until " + agreement.terms().validUntil(), "system",
                    Set.of(AgreementStatus.ACTIVE, AgreementStatus.SUSPENDED));
        }
        return overdue.size();
    }

    public Optional<Agreement> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM exchange_agreement WHERE id = ?").param(id)
                .query(Agreements::map).optional();
    }

    /** The agreements a consumer member holds (any subsystem), newest first. */
    public List<Agreement> ofConsumer(String consumerMemberCode) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM exchange_agreement WHERE consumer_member = ? ORDER BY granted_at DESC, id")
                .param(consumerMemberCode).query(Agreements::map).list();
    }

    /** The agreements over a provider's services, newest first. */
    public List<Agreement> ofProvider(String providerMemberCode) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM exchange_agreement WHERE provider_member = ? ORDER BY granted_at DESC, id")
                .param(providerMemberCode).query(Agreements::map).list();
    }

    /** The agreements of a consumer member for one service, whatever their status; what the gateway checks. */
    public List<Agreement> between(String consumerMemberCode, String serviceId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM exchange_agreement WHERE consumer_member = ? AND service_id = ?"
                        + " ORDER BY granted_at DESC, id")
                .params(consumerMemberCode, serviceId).query(Agreements::map).list();
    }

    private Agreement change(UUID id, AgreementStatus to, @Nullable String reason, String by, Set<AgreementStatus> allowedFrom) {
        Agreement agreement = jdbc.sql("SELECT " + COLUMNS + " FROM exchange_agreement WHERE id = ? FOR UPDATE").param(id)
                .query(Agreements::map).optional().orElseThrow(() -> notFound(id));
        if (!allowedFrom.contains(agreement.status())) {
            throw new CommonwealException(ExchangeErrorCode.WRONG_STATUS,
                    "The agreement is " + agreement.status() + "; it cannot become " + to);
        }
        Instant now = clock.instant();
        jdbc.sql("UPDATE exchange_agreement SET status = ?, status_reason = ?, changed_at = ?, version = version + 1 WHERE id = ?")
                .params(to.name(), reason, Timestamp.from(now), id).update();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("from", agreement.status().name());
        details.put("to", to.name());
        if (reason != null) {
            details.put("reason_digest", digest(reason));
        }
        ledger.record(new Evidence("exchange.agreement_" + verb(to), subject(id), actor(by), details));
        events.publishEvent(new AgreementStatusChanged(id, agreement.status(), to, now));
        cache.forgetAgreementsAfterCommit();
        return get(id);
    }

    /** Agreements run to the end of their last day in the city's time zone. */
    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), calendar.zone());
    }

    private Agreement get(UUID id) {
        return find(id).orElseThrow(() -> notFound(id));
    }

    private static CommonwealException notFound(UUID id) {
        return new CommonwealException(ExchangeErrorCode.AGREEMENT_NOT_FOUND, "No agreement has id " + id);
    }

    private static String verb(AgreementStatus to) {
        return switch (to) {
            case ACTIVE -> "resumed";
            case SUSPENDED -> "suspended";
            case REVOKED -> "revoked";
            case EXPIRED -> "expired";
        };
    }

    private OrganisationIdentifier consumer(String text) {
        OrganisationIdentifier consumer;
        try {
            consumer = OrganisationIdentifier.parse(text.strip());
        } catch (IllegalArgumentException e) {
            throw new CommonwealException(ExchangeErrorCode.CONSUMER_INVALID, e.getMessage());
        }
        if (organisations.find(consumer).isEmpty()) {
            throw new CommonwealException(ExchangeErrorCode.CONSUMER_INVALID, "No organisation " + consumer.member() + " is registered");
        }
        return consumer;
    }

    private static void checkTerms(AgreementTerms terms, SharedResource resource) {
        if (terms.dataItems().isEmpty()) {
            throw new CommonwealException(ExchangeErrorCode.TERMS_INVALID, "Name at least one data item the consumer may receive");
        }
        List<String> unknown = new ArrayList<>(new TreeSet<>(terms.dataItems()));
        unknown.removeIf(resource::hasItem);
        if (!unknown.isEmpty()) {
            throw new CommonwealException(ExchangeErrorCode.ITEM_NOT_IN_RESOURCE,
                    "The resource " + resource.code() + " has no data items " + ServiceId.abbreviate(String.join(", ", unknown)));
        }
        requireText("purpose", terms.purpose());
        requireText("legal basis", terms.legalBasis());
        if (terms.callsPerMinute() < 1 || terms.callsPerMinute() > MAX_CALLS_PER_MINUTE) {
            throw new CommonwealException(ExchangeErrorCode.TERMS_INVALID, "Calls per minute must be 1 to " + MAX_CALLS_PER_MINUTE);
        }
        if (terms.trackerDelayDays() < 0 || terms.trackerDelayDays() > MAX_TRACKER_DELAY_DAYS) {
            throw new CommonwealException(ExchangeErrorCode.TERMS_INVALID,
                    "The tracker delay must be 0 to " + MAX_TRACKER_DELAY_DAYS + " days");
        }
    }

    private static void requireText(String what, String text) {
        if (text.isBlank() || text.strip().length() > 1000) {
            throw new CommonwealException(ExchangeErrorCode.TERMS_INVALID, "Give the " + what + " in 1 to 1000 characters");
        }
    }

    private static String requireReason(String reason) {
        if (reason.isBlank() || reason.strip().length() > 1000) {
            throw new CommonwealException(ExchangeErrorCode.REASON_MISSING, "Give a reason of 1 to 1000 characters");
        }
        return reason.strip();
    }

    private String actor(String by) {
        return "system".equals(by) ? "system" : ledger.pseudonym("actor:" + by);
    }

    static String subject(UUID agreementId) {
        return "exchange-agreement/" + agreementId;
    }

    static String digest(String text) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }

    private static Agreement map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        String[] items = (String[]) rs.getArray("data_items").getArray();
        AgreementTerms terms = new AgreementTerms(rs.getString("consumer"), rs.getString("service_id"),
                rs.getString("resource_code"), rs.getString("purpose"), rs.getString("legal_basis"), Set.of(items),
                rs.getDate("valid_until").toLocalDate(), rs.getInt("calls_per_minute"), rs.getInt("tracker_delay_days"));
        return new Agreement(rs.getObject("id", UUID.class), terms, AgreementStatus.valueOf(rs.getString("status")),
                rs.getTimestamp("granted_at").toInstant(), rs.getString("provider_member"), rs.getString("status_reason"),
                rs.getTimestamp("changed_at").toInstant(), rs.getInt("version"));
    }
}
