package org.commonweal.opendata.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.commonweal.opendata.DataResource;
import org.commonweal.opendata.Dataset;
import org.jspecify.annotations.Nullable;

/** A dataset as the JSON API shows it to its department. */
record DatasetView(String id, String name, String titleZh, String titleEn, String descriptionZh, String descriptionEn,
                   String theme, List<String> keywords, String licence, String contactName, String contactEmail,
                   @Nullable LocalDate temporalStart, @Nullable LocalDate temporalEnd, @Nullable String spatial,
                   String frequency, String openLevel, @Nullable String catalogueCode, String state, int version,
                   Instant createdAt, Instant modifiedAt, List<ResourceView> resources) {

    record ResourceView(String id, String name, String kind, String format, String url, @Nullable Long byteSize,
                        @Nullable String sha256) {
    }

    static DatasetView of(Dataset d, String base) {
        return new DatasetView(d.id().toString(), d.name(), d.titleZh(), d.titleEn(), d.descriptionZh(), d.descriptionEn(),
                d.theme().name(), d.keywords(), d.licence().ckanId(), d.contactName(), d.contactEmail(), d.temporalStart(),
                d.temporalEnd(), d.spatial(), d.frequency().name(), d.openLevel().code(), d.catalogueCode(),
                d.state().name().toLowerCase(java.util.Locale.ROOT), d.version(), d.createdAt(), d.modifiedAt(),
                d.resources().stream().map(r -> resource(r, base)).toList());
    }

    static ResourceView resource(DataResource r, String base) {
        return new ResourceView(r.id().toString(), r.name(), r.kind().name().toLowerCase(java.util.Locale.ROOT),
                r.format(), r.accessUrl(base), r.byteSize(), r.sha256());
    }
}
