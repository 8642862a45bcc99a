package org.commonweal.opendata.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.commonweal.calendar.WorkingCalendar;
import org.commonweal.identity.Actors;
import org.commonweal.identity.CommonwealUser;
import org.commonweal.identity.Organisation;
import org.commonweal.identity.OrganisationKind;
import org.commonweal.identity.Organisations;
import org.commonweal.identity.Role;
import org.commonweal.ledger.Evidence;
import org.commonweal.ledger.Ledger;
import org.commonweal.opendata.Dataset;
import org.commonweal.opendata.DatasetState;
import org.commonweal.opendata.Datasets;
import org.commonweal.opendata.OpenLevel;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Conditional datasets (有条件开放): an enterprise, a social organisation or a researcher applies;
 * the publishing department approves or refuses with a reason within a number of working days;
 * an approved applicant collects an access key (shown once, kept as SHA-256) that opens the
 * dataset's downloads and API until the end of the period, unless revoked. Every decision is
 * ledger evidence with digests only.
 *
 * <p>Keys are presented as {@code Authorization: Bearer <key>}, CKAN style as
 * {@code X-CKAN-API-Key: <key>} or a bare {@code Authorization: <key>}, and on download links as
 * {@code ?key=<key>}; see {@link #presentedKey(HttpServletRequest)}.
 */
@Service
public class ConditionalAccess {

    static final String KEY_PREFIX = "cwk_";

    private final ApplicationStore store;
    private final Datasets datasets;
    private final Organisations organisations;
    private final Ledger ledger;
    private final WorkingCalendar calendar;
    private final ParticipationSettings settings;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    ConditionalAccess(ApplicationStore store, Datasets datasets, Organisations organisations, Ledger ledger,
                      WorkingCalendar calendar, ParticipationSettings settings, Clock clock) {
        this.store = store;
        this.datasets = datasets;
        this.organisations = organisations;
        this.ledger = ledger;
        this.calendar = calendar;
        this.settings = settings;
        this.clock = clock;
    }

    // ---- the access checks other code asks ---------------------------------------------------

    /** True when {@code presentedKey} is a live key issued for this dataset, and the dataset is still conditional and published. */
    public boolean allows(UUID datasetId, @Nullable String presentedKey) {
        if (presentedKey == null || !presentedKey.startsWith(KEY_PREFIX) || presentedKey.length() > 100) {
            return false;
        }
        return store.liveKey(datasetId, sha256(presentedKey), clock.instant()).isPresent() && stillConditional(datasetId);
    }

    /** True when this signed-in person holds an approved application whose period covers today (dataset still conditional). */
    public boolean allows(UUID datasetId, @Nullable CommonwealUser user) {
        return user != null && !user.machineClient()
                && store.approvedCovering(datasetId, user.id(), LocalDate.ofInstant(clock.instant(), calendar.zone()))
                && stillConditional(datasetId);
    }

    /** A dataset withdrawn or closed after the approval is not opened by it. */
    private boolean stillConditional(UUID datasetId) {
        return datasets.find(datasetId)
                .filter(d -> d.state() == DatasetState.PUBLISHED && d.openLevel() == OpenLevel.CONDITIONAL).isPresent();
    }

    /** Either of the two, for a web request: the key it presents or the person signed in. */
    public boolean allows(UUID datasetId, HttpServletRequest request, @Nullable CommonwealUser user) {
        return allows(datasetId, user) || allows(datasetId, presentedKey(request).orElse(null));
    }

    /**
     * The access key a request presents: {@code Authorization: Bearer cwk_…}, {@code Authorization: cwk_…}
     * (CKAN style), {@code X-CKAN-API-Key: cwk_…}, or {@code ?key=cwk_…} on a download link.
     */
    public static Optional<String> presentedKey(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        if (authorization != null) {
            String value = authorization.regionMatches(true, 0, "Bearer ", 0, 7) ? authorization.substring(7) : authorization;
            if (value.strip().startsWith(KEY_PREFIX)) {
                return Optional.of(value.strip());
            }
        }
        for (String candidate : new String[]{request.getHeader("X-CKAN-API-Key"), request.getParameter("key")}) {
            if (candidate != null && candidate.strip().startsWith(KEY_PREFIX)) {
                return Optional.of(candidate.strip());
            }
        }
        return Optional.empty();
    }

    // ---- applying ------------------------------------------------------------------------------

    /** Who may apply and as what: a person for their enterprise or social organisation, or a researcher. */
    public Application.ApplicantKind applicantKind(CommonwealUser user) {
        if (user.machineClient() || !user.has(Role.CITIZEN)) {
            throw new ParticipationRefused(ParticipationErrorCode.NOT_ELIGIBLE, "",
                    "Applications come from people signed in with a citizen account (for an enterprise, a social organisation or as a researcher).");
        }
        if (user.organisationId() == null) {
            return Application.ApplicantKind.RESEARCHER;
        }
        OrganisationKind kind = organisations.get(user.organisationId()).kind();
        return switch (kind) {
            case ENTERPRISE -> Application.ApplicantKind.ENTERPRISE;
            case SOCIAL_ORGANISATION -> Application.ApplicantKind.SOCIAL_ORGANISATION;
            default -> throw new ParticipationRefused(ParticipationErrorCode.NOT_ELIGIBLE, "",
                    "Departments share data through sharing applications, not open data applications.");
        };
    }

    /**
     * Files an application, or returns the applicant's pending one for the same dataset (a
     * second submission, a double click or two tabs never make two).
     */
    @Transactional
    public Application apply(UUID datasetId, NewApplication form, CommonwealUser user) {
        Dataset dataset = conditionalDataset(datasetId);
        Application.ApplicantKind kind = applicantKind(user);
        Optional<Application> existing = store.pending(datasetId, user.id());
        if (existing.isPresent()) {
            return existing.get();
        }
        String affiliation = kind == Application.ApplicantKind.RESEARCHER
                ? Texts.required(form.affiliation(), "affiliation", 300)
                : organisations.get(user.organisationId()).nameZh();
        String purpose = Texts.required(form.purpose(), "purpose", 2000);
        String use = Texts.required(form.intendedUse(), "intendedUse", 2000);
        LocalDate start = date(form.periodStart(), "periodStart");
        LocalDate end = date(form.periodEnd(), "periodEnd");
        LocalDate today = LocalDate.ofInstant(clock.instant(), calendar.zone());
        if (start.isBefore(today)) {
            throw new ParticipationRefused(ParticipationErrorCode.PERIOD_INVALID, "periodStart", "The period cannot start in the past.");
        }
        if (end.isBefore(start) || end.isAfter(start.plusDays(settings.maxPeriodDays()))) {
            throw new ParticipationRefused(ParticipationErrorCode.PERIOD_INVALID, "periodEnd",
                    "The period must end after it starts and last at most " + settings.maxPeriodDays() + " days.");
        }
        Instant now = clock.instant();
        Application application = new Application(UUID.randomUUID(), datasetId, dataset.publisherId(), user.id(),
                kind == Application.ApplicantKind.RESEARCHER ? null : user.organisationId(), kind, affiliation, purpose,
                use, start, end, Application.State.PENDING, null, now,
                calendar.deadlineAfterWorkingDays(now, settings.decisionWorkingDays()), null, null, 0);
        if (!store.insert(application)) {
            return store.pending(datasetId, user.id()).orElseThrow(); // a simultaneous submission won
        }
        Map<String, Object> details = new HashMap<>();
        details.put("application", application.id().toString());
        details.put("applicant_kind", kind.name().toLowerCase());
        details.put("department", organisations.get(dataset.publisherId()).identifier().toString());
        details.put("purpose_sha256", sha256(purpose + "\n" + use));
        details.put("due", application.dueAt().toString());
        if (application.organisationId() != null) {
            details.put("organisation", organisations.get(application.organisationId()).identifier().toString());
        }
        ledger.record(new Evidence("opendata.access_applied", "dataset:" + dataset.name(), Actors.of(user.id(), ledger), details));
        return application;
    }

    // ---- deciding ------------------------------------------------------------------------------

    /**
     * The department approves or refuses (a reason is required to refuse). {@code expectedVersion}
     * is the version the decider saw: a decision taken meanwhile by a colleague answers 409.
     */
    @Transactional
    public Application decide(UUID applicationId, boolean approve, @Nullable String reasonText, int expectedVersion,
                              CommonwealUser staff) {
        Application application = get(applicationId);
        Organisation department = deciding(application, staff);
        String reason = approve ? Texts.optional(reasonText, "reason", 2000) : Texts.required(reasonText, "reason", 2000);
        if (application.state() != Application.State.PENDING) {
            throw alreadyDecided();
        }
        Instant now = clock.instant();
        Application.State state = approve ? Application.State.APPROVED : Application.State.REFUSED;
        if (!store.decide(applicationId, expectedVersion, state, reason.isEmpty() ? null : reason, now)) {
            Application current = get(applicationId);
            throw current.state() != Application.State.PENDING ? alreadyDecided()
                    : new ParticipationRefused(ParticipationErrorCode.STALE_VERSION, "",
                    "Someone changed this application since you opened it; reload it and decide again.");
        }
        Dataset dataset = datasets.find(application.datasetId()).orElseThrow();
        Map<String, Object> details = new HashMap<>();
        details.put("application", applicationId.toString());
        details.put("department", department.identifier().toString());
        details.put("on_time", now.isBefore(application.dueAt()));
        details.put("reason_sha256", sha256(reason));
        if (approve) {
            details.put("period_end", application.periodEnd().toString());
        }
        ledger.record(new Evidence(approve ? "opendata.access_approved" : "opendata.access_refused",
                "dataset:" + dataset.name(), Actors.of(staff.id(), ledger), details));
        return get(applicationId);
    }

    /** The department ends an approved access early: the application's keys stop working at once. */
    @Transactional
    public Application revoke(UUID applicationId, String reasonText, CommonwealUser staff) {
        Application application = get(applicationId);
        Organisation department = deciding(application, staff);
        String reason = Texts.required(reasonText, "reason", 2000);
        Instant now = clock.instant();
        if (!store.revokeApplication(applicationId, now)) {
            throw new ParticipationRefused(ParticipationErrorCode.NOT_APPROVED, "",
                    "Only an approved access that is not yet revoked can be revoked.");
        }
        int keys = store.revokeKeys(applicationId, now);
        ledger.record(new Evidence("opendata.access_revoked", "dataset:" + datasetName(application),
                Actors.of(staff.id(), ledger), Map.of("application", applicationId.toString(),
                "department", department.identifier().toString(), "keys_revoked", keys, "reason_sha256", sha256(reason))));
        return get(applicationId);
    }

    // ---- keys ----------------------------------------------------------------------------------

    /**
     * Issues the applicant's access key, shown once; any earlier key of the application stops
     * working (a lost or leaked key is replaced this way). Expires at the end of the period.
     */
    @Transactional
    public IssuedKey issueKey(UUID applicationId, CommonwealUser applicant) {
        Application application = ownApplication(applicationId, applicant);
        if (application.state() != Application.State.APPROVED || application.revokedAt() != null) {
            throw new ParticipationRefused(ParticipationErrorCode.NOT_APPROVED, "",
                    "A key is issued only for an approved application that is not revoked.");
        }
        Instant now = clock.instant();
        Instant expires = application.periodEnd().plusDays(1).atStartOfDay(calendar.zone()).toInstant();
        if (!now.isBefore(expires)) {
            throw new ParticipationRefused(ParticipationErrorCode.PERIOD_OVER, "", "The approved period is over; apply again.");
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String secret = KEY_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        int replaced = store.revokeKeys(applicationId, now);
        UUID keyId = UUID.randomUUID();
        store.insertKey(keyId, applicationId, application.datasetId(), sha256(secret), now, expires);
        ledger.record(new Evidence("opendata.access_key_issued", "dataset:" + datasetName(application),
                Actors.of(applicant.id(), ledger), Map.of("application", applicationId.toString(), "key", keyId.toString(),
                "expires", expires.toString(), "keys_replaced", replaced)));
        return new IssuedKey(keyId, applicationId, secret, expires);
    }

    /** The applicant revokes their own key (for example after it leaked). */
    @Transactional
    public int revokeKeys(UUID applicationId, CommonwealUser applicant) {
        Application application = ownApplication(applicationId, applicant);
        int revoked = store.revokeKeys(applicationId, clock.instant());
        if (revoked == 0) {
            throw new ParticipationRefused(ParticipationErrorCode.KEY_NOT_FOUND, "", "This application has no key to revoke.");
        }
        ledger.record(new Evidence("opendata.access_key_revoked", "dataset:" + datasetName(application),
                Actors.of(applicant.id(), ledger), Map.of("application", applicationId.toString(), "keys_revoked", revoked)));
        return revoked;
    }

    public Optional<Instant> activeKeyExpiry(UUID applicationId) {
        return store.activeKeyExpiry(applicationId, clock.instant());
    }

    // ---- reading -------------------------------------------------------------------------------

    public Application get(UUID id) {
        return store.find(id).orElseThrow(() -> new ParticipationRefused(ParticipationErrorCode.APPLICATION_NOT_FOUND, "",
                "No application has id " + id + "."));
    }

    /** The applicant, the deciding department's staff, auditors and platform administrators may read an application. */
    public Application read(UUID id, CommonwealUser viewer) {
        Application application = get(id);
        if (!application.applicantId().equals(viewer.id()) && !viewer.maySeeDepartment(application.departmentId())) {
            throw new ParticipationRefused(ParticipationErrorCode.NOT_YOUR_APPLICATION, "",
                    "Only the applicant and the deciding department can see this application.");
        }
        return application;
    }

    public List<Application> ofApplicant(CommonwealUser user) {
        return store.ofApplicant(user.id());
    }

    public List<Application> ofDepartment(UUID departmentId) {
        return store.ofDepartment(departmentId);
    }

    public boolean mayDecide(Application application, @Nullable CommonwealUser user) {
        return user != null && !user.machineClient() && application.departmentId().equals(user.organisationId())
                && (user.has(Role.STAFF) || user.has(Role.DEPARTMENT_ADMIN));
    }

    public Instant now() {
        return clock.instant();
    }

    private Organisation deciding(Application application, CommonwealUser staff) {
        if (!mayDecide(application, staff)) {
            throw new ParticipationRefused(ParticipationErrorCode.NOT_YOUR_DEPARTMENT, "",
                    "Only staff of the publishing department decide its applications.");
        }
        return organisations.get(application.departmentId());
    }

    private Application ownApplication(UUID applicationId, CommonwealUser applicant) {
        Application application = get(applicationId);
        if (!application.applicantId().equals(applicant.id())) {
            throw new ParticipationRefused(ParticipationErrorCode.NOT_YOUR_APPLICATION, "",
                    "Only the applicant can collect or revoke the key.");
        }
        return application;
    }

    /** A published conditional dataset, or a refusal saying why not. */
    public Dataset conditionalDataset(UUID datasetId) {
        Dataset dataset = datasets.find(datasetId).filter(Dataset::isPublic).orElseThrow(() -> new ParticipationRefused(
                ParticipationErrorCode.DATASET_NOT_FOUND, "", "No published dataset has id " + datasetId + "."));
        if (dataset.openLevel() != OpenLevel.CONDITIONAL || dataset.state() != DatasetState.PUBLISHED) {
            throw new ParticipationRefused(ParticipationErrorCode.NOT_CONDITIONAL, "",
                    "This dataset is open to everyone or not open: there is nothing to apply for.");
        }
        return dataset;
    }

    private String datasetName(Application application) {
        return datasets.find(application.datasetId()).map(Dataset::name).orElse(application.datasetId().toString());
    }

    private static LocalDate date(String text, String field) {
        try {
            return LocalDate.parse(Texts.required(text, field, 10));
        } catch (DateTimeParseException e) {
            throw new ParticipationRefused(ParticipationErrorCode.FIELD_INVALID, field, "Give the date as yyyy-mm-dd.");
        }
    }

    private static ParticipationRefused alreadyDecided() {
        return new ParticipationRefused(ParticipationErrorCode.ALREADY_DECIDED, "",
                "This application has already been decided; reload it to see the decision.");
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
