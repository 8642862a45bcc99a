package org.commonweal.opendata;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** A dataset as stored, with its resources in order. */
public record Dataset(UUID id, String name, String titleZh, String titleEn, String descriptionZh, String descriptionEn,
                      Theme theme, List<String> keywords, Licence licence, UUID publisherId, String contactName,
                      String contactEmail, @Nullable LocalDate temporalStart, @Nullable LocalDate temporalEnd,
                      @Nullable String spatial, Frequency frequency, OpenLevel openLevel,
                      @Nullable String catalogueCode, DatasetState state, Instant createdAt, Instant modifiedAt,
                      @Nullable Instant publishedAt, int version, List<DataResource> resources) {

    public Dataset {
        keywords = List.copyOf(keywords);
        resources = List.copyOf(resources);
    }

    /** Published and open (unconditionally or on application): shown on the portal, in CKAN and DCAT. */
    public boolean isPublic() {
        return state == DatasetState.PUBLISHED && openLevel.isPublic();
    }

    public String title(Locale locale) {
        return "en".equals(locale.getLanguage()) ? titleEn : titleZh;
    }

    public String description(Locale locale) {
        return "en".equals(locale.getLanguage()) ? descriptionEn : descriptionZh;
    }

    public DatasetDraft draft() {
        return new DatasetDraft(name, titleZh, titleEn, descriptionZh, descriptionEn, theme, keywords, licence,
                publisherId, contactName, contactEmail, temporalStart, temporalEnd, spatial, frequency, openLevel,
                catalogueCode);
    }

    /** One of this dataset's resources, by id. */
    public Optional<DataResource> resource(UUID resourceId) {
        return resources.stream().filter(r -> r.id().equals(resourceId)).findFirst();
    }

    /** The same dataset with these resources (the store reads them separately). */
    public Dataset withResourcesOf(List<DataResource> list) {
        return new Dataset(id, name, titleZh, titleEn, descriptionZh, descriptionEn, theme, keywords, licence,
                publisherId, contactName, contactEmail, temporalStart, temporalEnd, spatial, frequency, openLevel,
                catalogueCode, state, createdAt, modifiedAt, publishedAt, version, list);
    }
}
