package org.commonweal.exchange;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.commonweal.calendar.WorkingCalendar;
import org.commonweal.catalogue.Catalogue;
import org.commonweal.catalogue.DataGrade;
import org.commonweal.catalogue.DataItem;
import org.commonweal.catalogue.DataResource;
import org.commonweal.catalogue.SharingType;
import org.commonweal.identity.Actors;
import org.commonweal.identity.CommonwealUser;
import org.commonweal.identity.Organisation;
import org.commonweal.identity.Organisations;
import org.commonweal.identity.Role;
import org.commonweal.ledger.Evidence;
import org.commonweal.ledger.Ledger;
import org.commonweal.platform.CommonwealException;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sharing applications, from the consumer's request to the provider's decision. Unconditional
 * resources are granted at once; conditional ones wait for the provider, who approves, narrows or
 * refuses within {@link ApplicationSettings#decisionWorkingDays()} working days, after which the
 * application escalates to the data authority (who may then decide it). Not-shared and core
 * resources cannot be applied for. Each step writes ledger evidence in the same transaction, and
 * an approval grants the agreement in that transaction too.
 */
@Service
public class SharingApplications {

    private static final String COLUMNS = "id, consumer, consumer_member, provider_member, resource_code, service_id,"
            + " purpose, legal_basis, data_items, valid_until, calls_per_minute, tracker_delay_days, delay_basis, status,"
            + " narrowed, approved_items, approved_until, decision_reason, agreement_id, submitted_at, due_at,"
            + " escalated_at, decided_at, version";
    private static final int MAX_ROWS = 500;

    private final JdbcClient jdbc;
    private final Catalogue catalogue;
    private final ExchangeServices services;
    private final Agreements agreements;
    private final Organisations organisations;
    private final Ledger ledger;
    private final WorkingCalendar calendar;
    private final ApplicationSettings settings;
    private final Clock clock;

    SharingApplications(JdbcClient jdbc, Catalogue catalogue, ExchangeServices services, Agreements agreements,
                        Organisations organisations, Ledger ledger, WorkingCalendar calendar,
                        ApplicationSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.catalogue = catalogue;
        this.services = services;
        this.agreements = agreements;
        this.organisations = organisations;
        this.ledger = ledger;
        this.calendar = calendar;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Files an application for the applicant's department. A second submission with the same key
     * returns the first application unchanged.
     */
    @Transactional
    public SharingApplication apply(NewApplication application, CommonwealUser applicant) {
        Organisation consumer = departmentOf(applicant);
        String key = application.submissionKey().strip();
        if (key.isEmpty() || key.length() > 64) {
            throw invalid("The form has no valid submission key; open the form again");
        }
        Optional<SharingApplication> earlier = bySubmission(applicant, key);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        DataResource resource = catalogue.find(application.resourceCode().strip())
                .filter(found -> !found.retired())
                .orElseThrow(() -> new CommonwealException(ApplicationErrorCode.RESOURCE_NOT_APPLICABLE,
                        "The catalogue has no resource " + abbreviate(application.resourceCode()) + " that can be applied for"));
        if (resource.sharingType() == SharingType.NOT_SHARED || resource.grade() == DataGrade.CORE) {
            throw new CommonwealException(ApplicationErrorCode.RESOURCE_NOT_APPLICABLE,
                    "The resource " + resource.code() + " is not shared or is core data: it cannot be applied for");
        }
        String purpose = text("purpose", application.purpose());
        String legalBasis = text("legal basis", application.legalBasis());
        Set<String> items = itemsOf(resource, application.dataItems());
        LocalDate today = today();
        LocalDate validUntil = application.validUntil();
        if (validUntil == null || validUntil.isBefore(today) || validUntil.isAfter(today.plusYears(10))) {
            throw invalid("Give the last day of use, from today to ten years ahead");
        }
        if (application.callsPerMinute() < 1 || application.callsPerMinute() > Agreements.MAX_CALLS_PER_MINUTE) {
            throw invalid("Give the most calls per minute, from 1 to " + Agreements.MAX_CALLS_PER_MINUTE);
        }
        if (application.trackerDelayDays() < 0 || application.trackerDelayDays() > Agreements.MAX_TRACKER_DELAY_DAYS) {
            throw invalid("A tracker delay is 0 to " + Agreements.MAX_TRACKER_DELAY_DAYS + " days");
        }
        String delayBasis = application.delayBasis().strip();
        if (application.trackerDelayDays() > 0 && delayBasis.isEmpty()) {
            throw invalid("A tracker delay needs its legal basis");
        }
        if (delayBasis.length() > 1000) {
            throw invalid("Give the legal basis of the delay in at most 1000 characters");
        }
        String serviceId = application.serviceId() == null || application.serviceId().isBlank() ? null
                : serviceFor(resource.code(), application.serviceId().strip()).serviceId().toString();

        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        Instant due = calendar.deadlineAfterWorkingDays(now, settings.decisionWorkingDays());
        int inserted = jdbc.sql("INSERT INTO exchange_application (id, submission_key, submitted_by, consumer, consumer_member,"
                        + " provider_member, resource_code, service_id, purpose, legal_basis, data_items, valid_until,"
                        + " calls_per_minute, tracker_delay_days, delay_basis, status, submitted_at, due_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', ?, ?)"
                        + " ON CONFLICT (submitted_by, submission_key) DO NOTHING")
                .params(id, key, applicant.id().toString(), consumer.identifier().member().toString(),
                        consumer.identifier().memberCode(), resource.provider(), resource.code(), serviceId, purpose,
                        legalBasis, sorted(items), Date.valueOf(validUntil), application.callsPerMinute(),
                        application.trackerDelayDays(), delayBasis, Timestamp.from(now), Timestamp.from(due))
                .update();
        if (inserted == 0) { // the same form, submitted at the same moment by a second click
            return bySubmission(applicant, key).orElseThrow();
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("consumer", consumer.identifier().member().toString());
        details.put("provider", resource.provider());
        details.put("resource", resource.code());
        details.put("items", List.of(sorted(items)));
        details.put("valid_until", validUntil.toString());
        details.put("tracker_delay_days", application.trackerDelayDays());
        details.put("due", due.toString());
        details.put("purpose_digest", digest(purpose));
        details.put("legal_basis_digest", digest(legalBasis));
        ledger.record(new Evidence("exchange.application_submitted", subject(id), Actors.of(applicant.id(), ledger), details));
        if (resource.sharingType() == SharingType.UNCONDITIONAL) {
            return grant(get(id), null, items, validUntil, "", false, applicant, "exchange.application_granted_unconditionally");
        }
        return get(id);
    }

    /** Approves, narrows or refuses; see {@link ApplicationDecision}. Only one decision wins. */
    @Transactional
    public SharingApplication decide(UUID id, ApplicationDecision decision, CommonwealUser decider) {
        SharingApplication application = get(id);
        if (!entitled(application, decider)) {
            throw new CommonwealException(ApplicationErrorCode.NOT_YOURS_TO_DECIDE,
                    "Only the providing department decides this application, or the data authority once it is overdue");
        }
        if (decision.version() != application.version()) {
            throw stale();
        }
        if (!application.pending()) {
            throw new CommonwealException(ApplicationErrorCode.ALREADY_DECIDED, "The application was already decided");
        }
        String reason = decision.reason().strip();
        if (reason.length() > 1000) {
            throw invalid("Give the reason in at most 1000 characters");
        }
        return switch (decision.outcome()) {
            case APPROVE -> grant(application, decision.serviceId(), application.dataItems(), application.validUntil(),
                    reason, false, decider, "exchange.application_approved");
            case NARROW -> narrow(application, decision, reason, decider);
            case REFUSE -> refuse(application, reason, decider);
        };
    }

    private SharingApplication narrow(SharingApplication application, ApplicationDecision decision, String reason,
                                      CommonwealUser decider) {
        Set<String> items = decision.dataItems();
        LocalDate until = decision.validUntil() == null ? application.validUntil() : decision.validUntil();
        if (items.isEmpty() || !application.dataItems().containsAll(items)) {
            throw new CommonwealException(ApplicationErrorCode.NARROWING_INVALID,
                    "Approve at least one of the data items applied for, and no others");
        }
        if (until.isAfter(application.validUntil()) || until.isBefore(today())) {
            throw new CommonwealException(ApplicationErrorCode.NARROWING_INVALID,
                    "The last day may be from today to " + application.validUntil() + ", the day applied for");
        }
        boolean narrower = items.size() < application.dataItems().size() || until.isBefore(application.validUntil());
        return grant(application, decision.serviceId(), items, until, reason, narrower, decider,
                narrower ? "exchange.application_narrowed" : "exchange.application_approved");
    }

    private SharingApplication refuse(SharingApplication application, String reason, CommonwealUser decider) {
        if (reason.isEmpty()) {
            throw new CommonwealException(ApplicationErrorCode.REFUSAL_REASON_MISSING, "Say why the application is refused");
        }
        Instant now = clock.instant();
        claim(application, "UPDATE exchange_application SET status = 'REFUSED', decision_reason = ?, decided_at = ?,"
                + " decided_by = ?, version = version + 1 WHERE id = ? AND version = ? AND status = 'PENDING'",
                reason, Timestamp.from(now), decider.id().toString(), application.id(), application.version());
        Map<String, Object> details = decisionDetails(application, decider);
        details.put("reason_digest", digest(reason));
        ledger.record(new Evidence("exchange.application_refused", subject(application.id()), Actors.of(decider.id(), ledger), details));
        return get(application.id());
    }

    /** Claims the pending application (one decision wins), grants its agreement and records both. */
    private SharingApplication grant(SharingApplication application, @Nullable String chosenService, Set<String> items,
                                     LocalDate until, String note, boolean narrowed, CommonwealUser decider, String evidenceType) {
        String serviceId = chosenService != null && !chosenService.isBlank()
                ? serviceFor(application.resourceCode(), chosenService.strip()).serviceId().toString()
                : application.serviceId() != null ? application.serviceId() : onlyServiceOf(application.resourceCode());
        Instant now = clock.instant();
        claim(application, "UPDATE exchange_application SET status = 'APPROVED', narrowed = ?, approved_items = ?,"
                        + " approved_until = ?, decision_reason = ?, service_id = ?, decided_at = ?, decided_by = ?,"
                        + " version = version + 1 WHERE id = ? AND version = ? AND status = 'PENDING'",
                narrowed, sorted(items), Date.valueOf(until), note.isEmpty() ? null : note, serviceId, Timestamp.from(now),
                decider.id().toString(), application.id(), application.version());
        Agreement agreement = agreements.grant(new AgreementTerms(application.consumer(), serviceId,
                application.resourceCode(), application.purpose(), application.legalBasis(), items, until,
                application.callsPerMinute(), application.trackerDelayDays()), decider.id().toString());
        jdbc.sql("UPDATE exchange_application SET agreement_id = ? WHERE id = ?").params(agreement.id(), application.id()).update();
        Map<String, Object> details = decisionDetails(application, decider);
        details.put("agreement", Agreements.subject(agreement.id()));
        details.put("service", serviceId);
        details.put("items", List.of(sorted(items)));
        details.put("valid_until", until.toString());
        if (!note.isEmpty()) {
            details.put("note_digest", digest(note));
        }
        ledger.record(new Evidence(evidenceType, subject(application.id()), Actors.of(decider.id(), ledger), details));
        return get(application.id());
    }

    private void claim(SharingApplication application, String sql, Object... params) {
        if (jdbc.sql(sql).params(params).update() == 0) {
            throw stale();
        }
    }

    private Map<String, Object> decisionDetails(SharingApplication application, CommonwealUser decider) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("consumer", application.consumer());
        details.put("provider", application.providerMember());
        details.put("resource", application.resourceCode());
        details.put("by_data_authority", !isProviderStaff(application, decider));
        details.put("overdue", application.overdueAt(clock.instant()));
        return details;
    }

    /**
     * Marks pending applications past their deadline as escalated to the data authority, each with
     * evidence; returns how many.
     */
    @Transactional
    public int escalateOverdue() {
        Instant now = clock.instant();
        List<UUID> escalated = jdbc.sql("UPDATE exchange_application SET escalated_at = ? WHERE id IN (SELECT id FROM"
                        + " exchange_application WHERE status = 'PENDING' AND escalated_at IS NULL AND due_at <= ?"
                        + " ORDER BY due_at LIMIT 1000 FOR UPDATE SKIP LOCKED) RETURNING id")
                .params(Timestamp.from(now), Timestamp.from(now)).query(UUID.class).list();
        for (UUID id : escalated) {
            SharingApplication application = get(id);
            ledger.record(new Evidence("exchange.application_escalated", subject(id), "system", Map.of(
                    "provider", application.providerMember(), "resource", application.resourceCode(),
                    "due", application.dueAt().toString())));
        }
        return escalated.size();
    }

    // ---- who may do what ----------------------------------------------------------------------

    /** The provider's staff decide; the data authority too once the application is overdue. */
    public boolean mayDecide(SharingApplication application, CommonwealUser user) {
        return application.pending() && entitled(application, user);
    }

    private boolean entitled(SharingApplication application, CommonwealUser user) {
        return isProviderStaff(application, user)
                || (user.has(Role.DATA_AUTHORITY) && (application.escalatedAt() != null || application.overdueAt(clock.instant())));
    }

    /** Both departments, the data authority, auditors and platform administrators may read an application. */
    public boolean maySee(SharingApplication application, CommonwealUser user) {
        if (user.has(Role.DATA_AUTHORITY) || user.has(Role.AUDITOR) || user.has(Role.PLATFORM_ADMIN)) {
            return true;
        }
        String member = memberOf(user);
        return member != null && (member.equals(application.consumerMember()) || member.equals(application.providerMember()));
    }

    private boolean isProviderStaff(SharingApplication application, CommonwealUser user) {
        return (user.has(Role.STAFF) || user.has(Role.DEPARTMENT_ADMIN)) && application.providerMember().equals(memberOf(user));
    }

    /** The member code of the user's department, or null. */
    public @Nullable String memberOf(CommonwealUser user) {
        return user.organisationId() == null ? null
                : organisations.find(user.organisationId()).map(o -> o.identifier().memberCode()).orElse(null);
    }

    private Organisation departmentOf(CommonwealUser user) {
        if (!(user.has(Role.STAFF) || user.has(Role.DEPARTMENT_ADMIN)) || user.organisationId() == null) {
            throw new CommonwealException(ApplicationErrorCode.NOT_A_DEPARTMENT, "Only department staff apply for data");
        }
        return organisations.get(user.organisationId());
    }

    // ---- reading -------------------------------------------------------------------------------

    public Optional<SharingApplication> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM exchange_application WHERE id = ?").param(id)
                .query(SharingApplications::map).optional();
    }

    public SharingApplication get(UUID id) {
        return find(id).orElseThrow(() -> new CommonwealException(ApplicationErrorCode.APPLICATION_NOT_FOUND,
                "No application has id " + id));
    }

    /** A consumer department's applications, newest first. */
    public List<SharingApplication> ofConsumer(String consumerMember) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM exchange_application WHERE consumer_member = ?"
                        + " ORDER BY submitted_at DESC, id LIMIT " + MAX_ROWS)
                .param(consumerMember).query(SharingApplications::map).list();
    }

    /** A provider's applications: the pending ones by deadline, then the decided ones, newest first. */
    public List<SharingApplication> ofProvider(String providerMember) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM exchange_application WHERE provider_member = ?"
                        + " ORDER BY status <> 'PENDING', CASE WHEN status = 'PENDING' THEN due_at END,"
                        + " decided_at DESC, id LIMIT " + MAX_ROWS)
                .param(providerMember).query(SharingApplications::map).list();
    }

    /** Pending applications past their deadline, across all departments, oldest deadline first. */
    public List<SharingApplication> overdue() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM exchange_application WHERE status = 'PENDING' AND due_at <= ?"
                        + " ORDER BY due_at, id LIMIT " + MAX_ROWS)
                .param(Timestamp.from(clock.instant())).query(SharingApplications::map).list();
    }

    /** Refused applications with their reasons, newest first; one department's when given. */
    public List<SharingApplication> refusals(@Nullable String member) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM exchange_application WHERE status = 'REFUSED'"
                        + " AND (CAST(:member AS text) IS NULL OR provider_member = :member OR consumer_member = :member)"
                        + " ORDER BY decided_at DESC, id LIMIT " + MAX_ROWS)
                .param("member", member).query(SharingApplications::map).list();
    }

    /** The deadline clock of an application now. */
    public SharingApplication.Clock clockOf(SharingApplication application) {
        if (!application.pending()) {
            return SharingApplication.Clock.DECIDED;
        }
        Instant now = clock.instant();
        if (application.overdueAt(now)) {
            return SharingApplication.Clock.OVERDUE;
        }
        Instant soon = calendar.deadlineAfterWorkingDays(now, settings.dueSoonWorkingDays());
        return soon.isBefore(application.dueAt()) ? SharingApplication.Clock.ON_TIME : SharingApplication.Clock.DUE_SOON;
    }

    /** The active services that deliver a resource, for choosing one at approval. */
    public List<RegisteredService> servicesOf(String resourceCode, String providerMember) {
        return services.ofProvider(providerMember).stream()
                .filter(s -> s.active() && s.resourceCode().equals(resourceCode)).toList();
    }

    // ---- helpers -------------------------------------------------------------------------------

    private Optional<SharingApplication> bySubmission(CommonwealUser applicant, String key) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM exchange_application WHERE submitted_by = ? AND submission_key = ?")
                .params(applicant.id().toString(), key).query(SharingApplications::map).optional();
    }

    private RegisteredService serviceFor(String resourceCode, String serviceId) {
        return services.find(serviceId).filter(s -> s.active() && s.resourceCode().equals(resourceCode))
                .orElseThrow(() -> new CommonwealException(ApplicationErrorCode.NO_SERVICE,
                        "No active service " + abbreviate(serviceId) + " delivers " + resourceCode));
    }

    private String onlyServiceOf(String resourceCode) {
        String provider = catalogue.get(resourceCode).provider();
        List<RegisteredService> candidates = servicesOf(resourceCode, provider);
        if (candidates.isEmpty()) {
            throw new CommonwealException(ApplicationErrorCode.NO_SERVICE,
                    "No service delivers " + resourceCode + " yet: the provider must register one first");
        }
        return candidates.getFirst().serviceId().toString();
    }

    private static Set<String> itemsOf(DataResource resource, Set<String> asked) {
        Set<String> items = new TreeSet<>();
        for (String key : asked) {
            String item = key.strip();
            if (resource.item(item).isEmpty()) {
                throw invalid("The resource " + resource.code() + " has no data item '" + abbreviate(item) + "'");
            }
            items.add(item);
        }
        if (items.isEmpty()) {
            throw invalid("Choose the data items you need");
        }
        return items;
    }

    /** Names of the resource's items, in the catalogue's order, for pages. */
    public static List<DataItem> itemsNamed(DataResource resource, Set<String> keys) {
        return resource.items().stream().filter(item -> keys.contains(item.key())).toList();
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), calendar.zone());
    }

    private static String text(String what, String value) {
        String stripped = value.strip();
        if (stripped.isEmpty() || stripped.length() > 1000) {
            throw invalid("Give the " + what + " in 1 to 1000 characters");
        }
        return stripped;
    }

    private static String[] sorted(Set<String> items) {
        return new TreeSet<>(items).toArray(String[]::new);
    }

    private static CommonwealException invalid(String detail) {
        return new CommonwealException(ApplicationErrorCode.APPLICATION_INVALID, detail);
    }

    private static CommonwealException stale() {
        return new CommonwealException(ApplicationErrorCode.STALE_VERSION,
                "Someone decided or changed this application meanwhile; reload the page to see it");
    }

    static String subject(UUID applicationId) {
        return "exchange-application/" + applicationId;
    }

    private static String abbreviate(String text) {
        return text.length() <= 100 ? text : text.substring(0, 100) + "…";
    }

    private static String digest(String text) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }

    private static SharingApplication map(ResultSet rs, int row) throws SQLException {
        java.sql.Array approved = rs.getArray("approved_items");
        Date approvedUntil = rs.getDate("approved_until");
        return new SharingApplication(rs.getObject("id", UUID.class), rs.getString("consumer"), rs.getString("consumer_member"),
                rs.getString("provider_member"), rs.getString("resource_code"), rs.getString("service_id"),
                rs.getString("purpose"), rs.getString("legal_basis"), Set.of((String[]) rs.getArray("data_items").getArray()),
                rs.getDate("valid_until").toLocalDate(), rs.getInt("calls_per_minute"), rs.getInt("tracker_delay_days"),
                rs.getString("delay_basis"), ApplicationStatus.valueOf(rs.getString("status")), rs.getBoolean("narrowed"),
                approved == null ? null : Set.of((String[]) approved.getArray()),
                approvedUntil == null ? null : approvedUntil.toLocalDate(), rs.getString("decision_reason"),
                rs.getObject("agreement_id", UUID.class), instant(rs, "submitted_at"), instant(rs, "due_at"),
                nullableInstant(rs, "escalated_at"), nullableInstant(rs, "decided_at"), rs.getInt("version"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getTimestamp(column).toInstant();
    }

    private static @Nullable Instant nullableInstant(ResultSet rs, String column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }
}
