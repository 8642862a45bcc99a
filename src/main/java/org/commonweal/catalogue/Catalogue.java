package org.commonweal.catalogue;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.commonweal.catalogue.internal.Fingerprint;
import org.commonweal.catalogue.internal.ResourceStore;
import org.commonweal.identity.Actors;
import org.commonweal.identity.CommonwealUser;
import org.commonweal.identity.Organisation;
import org.commonweal.identity.Organisations;
import org.commonweal.identity.Role;
import org.commonweal.ledger.Evidence;
import org.commonweal.ledger.Ledger;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The government data resource catalogue: departments register, change and retire their data
 * resources; other modules look them up. Every change is checked against {@link RegistrationRules},
 * written with its ledger evidence in one transaction and announced as an event.
 */
@Service
public class Catalogue {

    private final ResourceStore store;
    private final Organisations organisations;
    private final Ledger ledger;
    private final ApplicationEventPublisher events;
    private final CatalogueSettings settings;
    private final Clock clock;

    Catalogue(ResourceStore store, Organisations organisations, Ledger ledger, ApplicationEventPublisher events,
              CatalogueSettings settings, Clock clock) {
        this.store = store;
        this.organisations = organisations;
        this.ledger = ledger;
        this.events = events;
        this.settings = settings;
        this.clock = clock;
    }

    /** The resource with this code, retired ones included (see {@link DataResource#retired()}). */
    public Optional<DataResource> find(String code) {
        return store.find(code);
    }

    public DataResource get(String code) {
        return find(code).orElseThrow(() -> new CatalogueRefused(CatalogueErrorCode.RESOURCE_NOT_FOUND,
                "No resource in the catalogue has code " + code, code));
    }

    /** The provider's current resources (not retired), by code. */
    public List<DataResource> ofProvider(String providerMemberCode) {
        return store.ofProvider(providerMemberCode, false);
    }

    /** The provider's resources including retired ones, by code: what its staff manage. */
    public List<DataResource> ofProviderIncludingRetired(String providerMemberCode) {
        return store.ofProvider(providerMemberCode, true);
    }

    /** Every resource, retired ones included, by code. */
    public List<DataResource> all() {
        return store.all();
    }

    /** The rules a draft breaks (empty when it may be registered), for forms that show them all at once. */
    public List<Violation> check(ResourceDraft draft) {
        return RegistrationRules.check(draft);
    }

    /** The member code of the department this person works for, if any. */
    public Optional<String> departmentOf(CommonwealUser user) {
        if (user.organisationId() == null) {
            return Optional.empty();
        }
        return organisations.find(user.organisationId())
                .filter(o -> o.kind() == org.commonweal.identity.OrganisationKind.DEPARTMENT)
                .map(o -> o.identifier().memberCode());
    }

    /** Whether this person may register, change and retire the provider's resources. */
    public boolean mayManage(CommonwealUser user, String provider) {
        if (user.has(Role.PLATFORM_ADMIN)) {
            return true;
        }
        return (user.has(Role.STAFF) || user.has(Role.DEPARTMENT_ADMIN))
                && departmentOf(user).map(provider::equals).orElse(false);
    }

    /**
     * Registers a new resource for {@code draft.provider()} on behalf of {@code by} (its staff, or a
     * platform administrator). A blank code gets the provider's next {@code <prefix>-<PROVIDER>-NNNN}.
     */
    @Transactional
    public DataResource register(ResourceDraft submitted, CommonwealUser by) {
        ResourceDraft draft = submitted.normalised();
        Organisation provider = checkManage(draft.provider(), by);
        refuseViolations(draft);
        String code = draft.code();
        if (code == null || code.isBlank()) {
            store.lockProvider(draft.provider());
            String prefix = settings.codePrefix() + "-" + draft.provider() + "-";
            code = prefix + String.format("%04d", store.highestSequence(prefix) + 1);
        } else if (store.exists(code)) {
            throw new CatalogueRefused(CatalogueErrorCode.CODE_TAKEN, "The catalogue code " + code + " is already used", code);
        }
        try {
            store.insert(code, draft, clock.instant());
        } catch (org.springframework.dao.DuplicateKeyException e) {
            throw new CatalogueRefused(CatalogueErrorCode.CODE_TAKEN, "The catalogue code " + code + " is already used", code);
        }
        record("catalogue.resource_registered", code, draft, provider, by);
        events.publishEvent(new DataResourceRegistered(code));
        return store.find(code).orElseThrow();
    }

    /**
     * Changes a resource's metadata. {@code expectedVersion} is the version the editor saw; a
     * newer one means someone else changed it meanwhile (refused: reload). The provider and code stay.
     */
    @Transactional
    public DataResource change(String code, ResourceDraft draft, long expectedVersion, CommonwealUser by) {
        DataResource current = store.lock(code).orElseThrow(() -> new CatalogueRefused(
                CatalogueErrorCode.RESOURCE_NOT_FOUND, "No resource in the catalogue has code " + code, code));
        Organisation provider = checkManage(current.provider(), by);
        if (current.retired()) {
            throw new CatalogueRefused(CatalogueErrorCode.RESOURCE_RETIRED, "The resource " + code + " is retired", code);
        }
        if (current.version() != expectedVersion) {
            throw new CatalogueRefused(CatalogueErrorCode.RESOURCE_STALE,
                    "Someone changed " + code + " since you opened it; reload and try again", code);
        }
        ResourceDraft kept = draft.normalised().withCode(code).withProvider(current.provider());
        refuseViolations(kept);
        store.update(code, kept, clock.instant());
        record("catalogue.resource_changed", code, kept, provider, by);
        events.publishEvent(new DataResourceChanged(code));
        return store.find(code).orElseThrow();
    }

    /** Retires a resource: it stays in the catalogue for the record, marked retired, and is offered to nobody. */
    @Transactional
    public DataResource retire(String code, long expectedVersion, CommonwealUser by) {
        DataResource current = store.lock(code).orElseThrow(() -> new CatalogueRefused(
                CatalogueErrorCode.RESOURCE_NOT_FOUND, "No resource in the catalogue has code " + code, code));
        Organisation provider = checkManage(current.provider(), by);
        if (current.retired()) {
            throw new CatalogueRefused(CatalogueErrorCode.RESOURCE_RETIRED, "The resource " + code + " is already retired", code);
        }
        if (current.version() != expectedVersion) {
            throw new CatalogueRefused(CatalogueErrorCode.RESOURCE_STALE,
                    "Someone changed " + code + " since you opened it; reload and try again", code);
        }
        store.retire(code, clock.instant());
        ledger.record(new Evidence("catalogue.resource_retired", code, actor(by, provider),
                Map.of("provider", provider.identifier().toString())));
        events.publishEvent(new DataResourceRetired(code));
        return store.find(code).orElseThrow();
    }

    private void refuseViolations(ResourceDraft draft) {
        List<Violation> violations = RegistrationRules.check(draft);
        if (!violations.isEmpty()) {
            throw violations.getFirst().refusal();
        }
    }

    private Organisation checkManage(String provider, CommonwealUser by) {
        Organisation department = organisations.departments().stream()
                .filter(o -> o.identifier().memberCode().equals(provider)).findFirst()
                .orElseThrow(() -> new CatalogueRefused(CatalogueErrorCode.PROVIDER_UNKNOWN,
                        "No department has the member code " + provider, provider));
        if (!mayManage(by, provider)) {
            throw new CatalogueRefused(CatalogueErrorCode.NOT_PROVIDER,
                    "Only staff of " + provider + " (or a platform administrator) may manage its resources", provider);
        }
        return department;
    }

    private void record(String type, String code, ResourceDraft draft, Organisation provider, CommonwealUser by) {
        ledger.record(new Evidence(type, code, actor(by, provider), Map.of(
                "provider", provider.identifier().toString(),
                "sharing_type", draft.sharingType().name().toLowerCase(java.util.Locale.ROOT),
                "grade", draft.grade().name().toLowerCase(java.util.Locale.ROOT),
                "items", draft.items().size(),
                "digest", Fingerprint.of(code, draft))));
    }

    /**
     * Evidence names the acting organisation: the department of the staff member, or the provider
     * itself when the platform (demo loader) acts for it; a platform administrator without a
     * department appears as a pseudonym.
     */
    private String actor(CommonwealUser by, Organisation provider) {
        if (by.id().equals(org.commonweal.identity.Accounts.SYSTEM)) {
            return provider.identifier().toString();
        }
        if (by.organisationId() != null) {
            return organisations.find(by.organisationId()).map(o -> o.identifier().toString())
                    .orElseGet(() -> Actors.of(by.id(), ledger));
        }
        return Actors.of(by.id(), ledger);
    }
}
