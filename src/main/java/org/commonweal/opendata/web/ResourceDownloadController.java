package org.commonweal.opendata.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.util.UUID;

import org.commonweal.identity.CommonwealUser;
import org.commonweal.opendata.DataResource;
import org.commonweal.opendata.Datasets;
import org.commonweal.opendata.internal.DatasetResourceAccess;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.InputStreamResource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * Downloads of uploaded files, as they were uploaded. Anyone for unconditionally open datasets;
 * conditionally open files also for approved applicants (signed in or with their access key, for
 * example {@code ?key=cwk_…}); otherwise only for their department (and auditors): to everyone
 * else they do not exist.
 */
@Controller
class ResourceDownloadController {

    private static final Logger log = LoggerFactory.getLogger(ResourceDownloadController.class);

    private final Datasets datasets;
    private final DatasetResourceAccess access;

    ResourceDownloadController(Datasets datasets, DatasetResourceAccess access) {
        this.datasets = datasets;
        this.access = access;
    }

    @GetMapping("/data/resources/{id}/download")
    ResponseEntity<InputStreamResource> download(@PathVariable String id, @Nullable CommonwealUser user,
                                                  HttpServletRequest request) throws IOException {
        DataResource resource = readable(id, user, request);
        InputStream content;
        try {
            content = datasets.openFile(resource);
        } catch (NoSuchFileException e) {
            // the record outlived its file (storage not shared between nodes, or lost): say so, not a 500
            log.warn("Resource {} has no stored file at {}", resource.id(), e.getFile());
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "The file of this resource is missing from storage");
        }
        MediaType type = resource.mediaType() == null ? MediaType.APPLICATION_OCTET_STREAM
                : MediaType.parseMediaType(resource.mediaType());
        if ("CSV".equals(resource.format()) || "JSON".equals(resource.format())) {
            type = new MediaType(type, StandardCharsets.UTF_8);
        }
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(resource.fileName() == null ? "data" : resource.fileName(), StandardCharsets.UTF_8)
                        .build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .contentLength(resource.byteSize() == null ? -1 : resource.byteSize())
                .body(new InputStreamResource(content));
    }

    private DataResource readable(String id, @Nullable CommonwealUser user, HttpServletRequest request) {
        UUID resourceId;
        try {
            resourceId = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return datasets.findByResource(resourceId).filter(d -> access.mayReadData(d, user, request))
                .flatMap(d -> d.resource(resourceId))
                .filter(r -> r.kind() == DataResource.Kind.FILE)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
