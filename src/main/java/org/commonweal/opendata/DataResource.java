package org.commonweal.opendata;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A file or link of a dataset (a CKAN resource, a DCAT distribution).
 *
 * @param kind FILE when uploaded here (downloaded from the portal), LINK for an API or file elsewhere
 * @param format upper-case file type: CSV, JSON, XLSX, XLS, API, HTML, XML, PDF...
 * @param url the link for LINK resources; null for files (the portal's download address is used)
 */
public record DataResource(UUID id, UUID datasetId, int position, String name, String description, Kind kind,
                           String format, @Nullable String mediaType, @Nullable String url, @Nullable String fileName,
                           @Nullable String storageKey, @Nullable Long byteSize, @Nullable String sha256,
                           Instant createdAt, Instant modifiedAt) {

    public enum Kind { FILE, LINK }

    /** Where anyone downloads it: the portal's address for files, the link otherwise. */
    public String accessUrl(String base) {
        return kind == Kind.LINK && url != null ? url : base + "/data/resources/" + id + "/download";
    }

    /** True when the datastore can hold its rows (tabular files). */
    public boolean tabular() {
        return kind == Kind.FILE && ("CSV".equals(format) || "XLSX".equals(format));
    }
}
