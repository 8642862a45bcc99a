package org.commonweal.opendata.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.commonweal.identity.CommonwealUser;
import org.commonweal.opendata.DataResource;
import org.commonweal.opendata.Dataset;
import org.commonweal.opendata.DatasetRefused;
import org.commonweal.opendata.Datasets;
import org.commonweal.opendata.OpenDataErrorCode;
import org.commonweal.opendata.OpenDataSettings;
import org.commonweal.opendata.internal.SearchIndex;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Departments' systems publish and keep their datasets here with their API token: describe,
 * change (with the version they saw), publish, withdraw, upload files and link APIs.
 */
@RestController
@RequestMapping(path = "/api/v1/opendata", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Open data", description = "Publishing datasets for the open data portal")
class OpenDataApiController {

    record NewDataset(DatasetInput dataset, boolean publish) {
    }

    record Change(DatasetInput dataset, int version) {
    }

    record Link(@Nullable String name, @Nullable String description, @Nullable String url, @Nullable String format) {
    }

    private final Datasets datasets;
    private final SearchIndex index;
    private final OpenDataSettings settings;

    OpenDataApiController(Datasets datasets, SearchIndex index, OpenDataSettings settings) {
        this.datasets = datasets;
        this.index = index;
        this.settings = settings;
    }

    @GetMapping("/datasets")
    @Operation(summary = "The caller's department's datasets, in every state")
    List<DatasetView> mine(CommonwealUser caller) {
        if (caller.organisationId() == null) {
            return List.of();
        }
        return datasets.ofPublisher(caller.organisationId()).stream().map(d -> DatasetView.of(d, settings.base())).toList();
    }

    @PostMapping(path = "/datasets", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Describe a new dataset of the caller's department, as a draft or published at once")
    ResponseEntity<DatasetView> create(@RequestBody NewDataset body, CommonwealUser caller) {
        Dataset created = datasets.create(body.dataset().toDraft(publisherOf(caller)), body.publish(), caller);
        return ResponseEntity.created(URI.create("/api/v1/opendata/datasets/" + created.name()))
                .body(DatasetView.of(created, settings.base()));
    }

    @GetMapping("/datasets/{name}")
    @Operation(summary = "One of the caller's department's datasets")
    DatasetView show(@PathVariable String name, CommonwealUser caller) {
        return DatasetView.of(editable(name, caller), settings.base());
    }

    @PutMapping(path = "/datasets/{name}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Change a dataset's description; send the version you read (409 when someone changed it since)")
    DatasetView update(@PathVariable String name, @RequestBody Change body, CommonwealUser caller) {
        Dataset existing = editable(name, caller);
        return DatasetView.of(datasets.update(existing.id(), body.dataset().toDraft(existing.publisherId()),
                body.version(), caller), settings.base());
    }

    @PostMapping("/datasets/{name}/publish")
    @Operation(summary = "Publish a draft or withdrawn dataset (not-open datasets stay off the public portal)")
    DatasetView publish(@PathVariable String name, CommonwealUser caller) {
        return DatasetView.of(datasets.publish(editable(name, caller).id(), caller), settings.base());
    }

    @PostMapping("/datasets/{name}/withdraw")
    @Operation(summary = "Take a dataset off the public portal")
    DatasetView withdraw(@PathVariable String name, CommonwealUser caller) {
        return DatasetView.of(datasets.withdraw(editable(name, caller).id(), caller), settings.base());
    }

    @PostMapping(path = "/datasets/{name}/resources", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Upload a CSV, JSON or Excel (.xlsx) file; CSV and Excel are loaded into the datastore,"
            + " a bad file is refused with the reason and the line and leaves nothing behind")
    ResponseEntity<DatasetView.ResourceView> upload(@PathVariable String name, @RequestParam("file") MultipartFile file,
                                                    @RequestParam(name = "name", defaultValue = "") String resourceName,
                                                    @RequestParam(name = "description", defaultValue = "") String description,
                                                    CommonwealUser caller) throws IOException {
        Dataset dataset = editable(name, caller);
        String fileName = file.getOriginalFilename() == null ? "" : file.getOriginalFilename();
        try (InputStream content = file.getInputStream()) {
            DataResource added = datasets.addFile(dataset.id(), resourceName, description, fileName, content, caller);
            return ResponseEntity.created(URI.create("/api/3/action/resource_show?id=" + added.id()))
                    .body(DatasetView.resource(added, settings.base()));
        }
    }

    @PostMapping(path = "/datasets/{name}/resources", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Link an API or a file published elsewhere: {name, url, format}")
    ResponseEntity<DatasetView.ResourceView> link(@PathVariable String name, @RequestBody Link body, CommonwealUser caller) {
        Dataset dataset = editable(name, caller);
        DataResource added = datasets.addLink(dataset.id(), body.name() == null ? "" : body.name(),
                body.description() == null ? "" : body.description(), body.url() == null ? "" : body.url(),
                body.format() == null ? "API" : body.format(), caller);
        return ResponseEntity.created(URI.create("/api/3/action/resource_show?id=" + added.id()))
                .body(DatasetView.resource(added, settings.base()));
    }

    @PostMapping("/reindex")
    @PreAuthorize("hasRole('PLATFORM_ADMIN')")
    @Operation(summary = "Rebuild the search index from the database (platform administrator)")
    Map<String, Object> reindex() {
        long started = System.nanoTime();
        int count = index.reindex();
        return Map.of("datasets", count, "milliseconds", (System.nanoTime() - started) / 1_000_000);
    }

    private UUID publisherOf(CommonwealUser caller) {
        if (caller.organisationId() == null) {
            throw new DatasetRefused(OpenDataErrorCode.NOT_YOUR_DEPARTMENT, "publisher",
                    "Only a department's staff or systems publish datasets.");
        }
        return caller.organisationId();
    }

    /** The dataset, if the caller may change it; otherwise it does not exist for them. */
    private Dataset editable(String name, CommonwealUser caller) {
        return datasets.findByName(name).filter(d -> datasets.mayEdit(d, caller))
                .orElseThrow(() -> new DatasetRefused(OpenDataErrorCode.DATASET_NOT_FOUND, "",
                        "Your department has no dataset named " + name + "."));
    }
}
