package org.commonweal.opendata;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.commonweal.identity.Actors;
import org.commonweal.identity.CommonwealUser;
import org.commonweal.identity.Organisation;
import org.commonweal.identity.OrganisationKind;
import org.commonweal.identity.Organisations;
import org.commonweal.identity.Role;
import org.commonweal.ledger.Evidence;
import org.commonweal.ledger.Ledger;
import org.commonweal.opendata.internal.DatasetStore;
import org.commonweal.opendata.internal.FileChecks;
import org.commonweal.opendata.internal.FileStorage;
import org.commonweal.opendata.internal.TabularLoading;
import org.commonweal.opendata.datastore.LoadProgress;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Departments describe, publish and change their datasets and add resources to them. Every
 * change is checked, stored and recorded in the ledger in one transaction, then the search index
 * follows (after commit).
 */
@Service
public class Datasets {

    private final DatasetStore store;
    private final FileStorage files;
    private final TabularLoading tabular;
    private final Organisations organisations;
    private final Ledger ledger;
    private final ApplicationEventPublisher events;
    private final OpenDataSettings settings;
    private final Clock clock;

    Datasets(DatasetStore store, FileStorage files, TabularLoading tabular, Organisations organisations, Ledger ledger,
             ApplicationEventPublisher events, OpenDataSettings settings, Clock clock) {
        this.store = store;
        this.files = files;
        this.tabular = tabular;
        this.organisations = organisations;
        this.ledger = ledger;
        this.events = events;
        this.settings = settings;
        this.clock = clock;
    }

    /** Describes a new dataset as a draft, or published at once when {@code publish} is true. */
    @Transactional
    public Dataset create(DatasetDraft draft, boolean publish, CommonwealUser actor) {
        DatasetDraft checked = DatasetRules.check(draft);
        Organisation publisher = mayPublishFor(checked.publisherId(), actor);
        if (store.nameTaken(checked.name(), null)) {
            throw nameTaken(checked.name());
        }
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        DatasetState state = publish ? DatasetState.PUBLISHED : DatasetState.DRAFT;
        try {
            store.insert(id, checked, state, now);
        } catch (DuplicateKeyException e) {
            throw nameTaken(checked.name());
        }
        Dataset created = get(id);
        record(publish ? "opendata.dataset_published" : "opendata.dataset_drafted", created, publisher, actor, Map.of());
        events.publishEvent(new DatasetChanged(id, created.name(), now));
        return created;
    }

    /** Changes the description; {@code expectedVersion} is the version the editor saw (409 when stale). */
    @Transactional
    public Dataset update(UUID id, DatasetDraft draft, int expectedVersion, CommonwealUser actor) {
        Dataset existing = get(id);
        mayPublishFor(existing.publisherId(), actor);
        DatasetDraft checked = DatasetRules.check(draft);
        Organisation publisher = mayPublishFor(checked.publisherId(), actor);
        if (store.nameTaken(checked.name(), id)) {
            throw nameTaken(checked.name());
        }
        if (!store.update(id, checked, expectedVersion, clock.instant())) {
            throw new DatasetRefused(OpenDataErrorCode.STALE_VERSION, "version",
                    "Someone changed this dataset since you opened it; reload it and make your change again.");
        }
        Dataset changed = get(id);
        record("opendata.dataset_changed", changed, publisher, actor, Map.of());
        events.publishEvent(new DatasetChanged(id, changed.name(), clock.instant()));
        return changed;
    }

    /** Makes a draft or withdrawn dataset public (unless it is not open: then it stays for staff). */
    @Transactional
    public Dataset publish(UUID id, CommonwealUser actor) {
        return changeState(id, DatasetState.PUBLISHED, "opendata.dataset_published", actor);
    }

    /** Takes a published dataset off the portal; it stays in the database for its department. */
    @Transactional
    public Dataset withdraw(UUID id, CommonwealUser actor) {
        return changeState(id, DatasetState.WITHDRAWN, "opendata.dataset_withdrawn", actor);
    }

    /**
     * Uploads a CSV, JSON or Excel file as a new resource. The file is checked (and tabular files
     * loaded into the datastore) before anything is stored: a bad file is refused with the reason
     * and the line, and leaves nothing behind.
     */
    @Transactional
    public DataResource addFile(UUID datasetId, String name, String description, String fileName, InputStream content,
                                CommonwealUser actor) {
        return addFile(datasetId, name, description, fileName, content, LoadProgress.NONE, actor);
    }

    /** The same, telling {@code progress} how many rows the datastore has read so far. */
    @Transactional
    public DataResource addFile(UUID datasetId, String name, String description, String fileName, InputStream content,
                                LoadProgress progress, CommonwealUser actor) {
        Dataset dataset = get(datasetId);
        Organisation publisher = mayPublishFor(dataset.publisherId(), actor);
        FileChecks.Kind kind = FileChecks.kindOf(fileName);
        String resourceName = resourceName(name, fileName);
        FileStorage.StoredFile stored = storeFile(content);
        boolean kept = false;
        try {
            if (stored.size() == 0) {
                throw new DatasetRefused(OpenDataErrorCode.FILE_EMPTY, "file", "The file is empty.");
            }
            try (InputStream check = files.open(stored.key())) {
                FileChecks.check(kind, check);
            }
            // CSV and Excel are checked row by row as the datastore loads them, below
            Instant now = clock.instant();
            DataResource resource = new DataResource(UUID.randomUUID(), datasetId, 0, resourceName,
                    limit(description, 2000), DataResource.Kind.FILE, kind.format(), kind.mediaType(), null,
                    safeFileName(fileName), stored.key(), stored.size(), stored.sha256(), now, now);
            store.insertResource(resource);
            store.touch(datasetId, now);
            if (resource.tabular()) {
                try (InputStream rows = files.open(stored.key())) {
                    tabular.load(resource.id(), rows, fileName, progress);
                }
            }
            record("opendata.resource_added", dataset, publisher, actor,
                    Map.of("resource", resource.id().toString(), "format", kind.format(), "sha256", stored.sha256()));
            events.publishEvent(new DatasetChanged(datasetId, dataset.name(), now));
            kept = true;
            return resource;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (!kept) {
                files.delete(stored.key());
            }
        }
    }

    /** Links an API or a file published elsewhere (http or https only). */
    @Transactional
    public DataResource addLink(UUID datasetId, String name, String description, String url, String format,
                                CommonwealUser actor) {
        Dataset dataset = get(datasetId);
        Organisation publisher = mayPublishFor(dataset.publisherId(), actor);
        String link = checkUrl(url);
        String fmt = format.strip().toUpperCase(Locale.ROOT);
        if (!fmt.matches("[A-Z0-9.+-]{1,20}")) {
            throw new DatasetRefused(OpenDataErrorCode.FIELD_INVALID, "format",
                    "The format is a short file type such as API, CSV, JSON or HTML.");
        }
        Instant now = clock.instant();
        DataResource resource = new DataResource(UUID.randomUUID(), datasetId, 0, resourceName(name, link),
                limit(description, 2000), DataResource.Kind.LINK, fmt, null, link, null, null, null, null, now, now);
        store.insertResource(resource);
        store.touch(datasetId, now);
        record("opendata.resource_added", dataset, publisher, actor,
                Map.of("resource", resource.id().toString(), "format", fmt));
        events.publishEvent(new DatasetChanged(datasetId, dataset.name(), now));
        return resource;
    }

    public Optional<Dataset> find(UUID id) {
        return store.find(id);
    }

    /** The datasets with these ids in one read, in the order of the ids (search results); unknown ids are left out. */
    public List<Dataset> findAll(List<UUID> ids) {
        return store.findAll(ids);
    }

    public Optional<Dataset> findByName(String name) {
        return store.findByName(name);
    }

    /** By CKAN id (a UUID) or name. */
    public Optional<Dataset> findByIdOrName(String idOrName) {
        try {
            return store.find(UUID.fromString(idOrName)).or(() -> store.findByName(idOrName));
        } catch (IllegalArgumentException notUuid) {
            return store.findByName(idOrName);
        }
    }

    /** The dataset that has this resource. */
    public Optional<Dataset> findByResource(UUID resourceId) {
        return store.findByResource(resourceId);
    }

    public List<Dataset> ofPublisher(UUID publisherId) {
        return store.ofPublisher(publisherId);
    }

    /** The file of an uploaded resource. */
    public InputStream openFile(DataResource resource) throws IOException {
        if (resource.storageKey() == null) {
            throw new DatasetRefused(OpenDataErrorCode.RESOURCE_NOT_FOUND, "", "This resource is a link, not a file.");
        }
        return files.open(resource.storageKey());
    }

    /** Staff of the publishing department, its machine clients, and the platform administrator may edit. */
    public boolean mayEdit(Dataset dataset, CommonwealUser user) {
        return user.has(Role.PLATFORM_ADMIN) || dataset.publisherId().equals(user.organisationId())
                && (user.machineClient() || user.has(Role.STAFF) || user.has(Role.DEPARTMENT_ADMIN));
    }

    /**
     * Who may read the data of a dataset: anyone when it is published and unconditionally open;
     * otherwise (conditionally open, not open, draft) only its department and auditors. Approved
     * applicants of conditional datasets are let in by {@code DatasetResourceAccess.mayReadData},
     * which sees the request (its access key).
     */
    public boolean mayReadData(Dataset dataset, @Nullable CommonwealUser user) {
        return dataset.isPublic() && dataset.openLevel() == OpenLevel.UNCONDITIONAL
                || user != null && (user.has(Role.AUDITOR) || mayEdit(dataset, user));
    }

    private Dataset changeState(UUID id, DatasetState state, String evidenceType, CommonwealUser actor) {
        Dataset existing = get(id);
        Organisation publisher = mayPublishFor(existing.publisherId(), actor);
        if (existing.state() == state) {
            throw new DatasetRefused(OpenDataErrorCode.WRONG_STATE, "state",
                    "The dataset is already " + state.name().toLowerCase(Locale.ROOT) + ".");
        }
        Instant now = clock.instant();
        store.changeState(id, state, now);
        Dataset changed = get(id);
        record(evidenceType, changed, publisher, actor, Map.of());
        events.publishEvent(new DatasetChanged(id, changed.name(), now));
        return changed;
    }

    private Dataset get(UUID id) {
        return store.find(id).orElseThrow(() -> new DatasetRefused(OpenDataErrorCode.DATASET_NOT_FOUND, "",
                "No dataset has id " + id + "."));
    }

    private Organisation mayPublishFor(UUID publisherId, CommonwealUser actor) {
        Organisation publisher = organisations.find(publisherId)
                .filter(o -> o.kind() == OrganisationKind.DEPARTMENT)
                .orElseThrow(() -> new DatasetRefused(OpenDataErrorCode.FIELD_INVALID, "publisher",
                        "The publisher must be a government department."));
        boolean own = publisherId.equals(actor.organisationId())
                && (actor.machineClient() || actor.has(Role.STAFF) || actor.has(Role.DEPARTMENT_ADMIN));
        if (!own && !actor.has(Role.PLATFORM_ADMIN)) {
            throw new DatasetRefused(OpenDataErrorCode.NOT_YOUR_DEPARTMENT, "publisher",
                    "Only staff of the publishing department may publish or change its datasets.");
        }
        return publisher;
    }

    /**
     * The public ledger never learns what a department keeps closed: datasets that are not open are
     * recorded under their opaque id, open ones under their public name.
     */
    private void record(String type, Dataset dataset, Organisation publisher, CommonwealUser actor,
                        Map<String, Object> more) {
        Map<String, Object> details = new HashMap<>(more);
        details.put("publisher", publisher.identifier().toString());
        details.put("open_level", dataset.openLevel().code());
        details.put("version", dataset.version());
        String subject = dataset.openLevel().isPublic() ? "dataset:" + dataset.name() : "dataset:" + dataset.id();
        String by = actor.machineClient() ? organisations.get(actor.organisationId()).identifier().toString()
                : Actors.of(actor.id(), ledger);
        ledger.record(new Evidence(type, subject, by, details));
    }

    private FileStorage.StoredFile storeFile(InputStream content) {
        try {
            return files.store(content, settings.maxUploadBytes());
        } catch (FileStorage.TooLarge e) {
            throw new DatasetRefused(OpenDataErrorCode.FILE_TOO_LARGE, "file",
                    "The file is larger than " + settings.maxUploadBytes() / 1_000_000 + " MB.");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String resourceName(String name, String fallback) {
        String n = name.strip();
        if (n.isEmpty()) {
            n = fallback.strip();
        }
        return limit(n.isEmpty() ? "resource" : n, 300);
    }

    private static String limit(String text, int max) {
        String t = text.strip();
        return t.length() > max ? t.substring(0, max) : t;
    }

    /** Only the last path segment, without control characters: never a path from the client. */
    private static String safeFileName(String fileName) {
        String base = fileName.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"]", "");
        return base.isBlank() ? "data" : limit(base, 200);
    }

    private static String checkUrl(String url) {
        try {
            URI uri = new URI(url.strip());
            if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                    || url.length() > 2000) {
                throw new URISyntaxException(url, "not http(s)");
            }
            return uri.toString();
        } catch (URISyntaxException e) {
            throw new DatasetRefused(OpenDataErrorCode.URL_INVALID, "url",
                    "The link must be a full http:// or https:// address.");
        }
    }

    private static DatasetRefused nameTaken(String name) {
        return new DatasetRefused(OpenDataErrorCode.NAME_TAKEN, "name", "Another dataset is already named " + name + ".");
    }
}
