package org.commonweal.opendata.web;

import org.commonweal.opendata.Dataset;
import org.jspecify.annotations.Nullable;

/** The staff form for a dataset, as typed: every value text, keywords in one box. */
public record DatasetForm(@Nullable String name, @Nullable String titleZh, @Nullable String titleEn,
                          @Nullable String descriptionZh, @Nullable String descriptionEn, @Nullable String theme,
                          @Nullable String keywords, @Nullable String licence, @Nullable String contactName,
                          @Nullable String contactEmail, @Nullable String temporalStart, @Nullable String temporalEnd,
                          @Nullable String spatial, @Nullable String frequency, @Nullable String openLevel,
                          @Nullable String catalogueCode, @Nullable Integer version) {

    static DatasetForm empty() {
        return new DatasetForm("", "", "", "", "", "TRAN", "", "cc-by", "", "", "", "", "", "MONTHLY", "unconditional",
                "", null);
    }

    static DatasetForm of(Dataset d) {
        return new DatasetForm(d.name(), d.titleZh(), d.titleEn(), d.descriptionZh(), d.descriptionEn(), d.theme().name(),
                String.join(", ", d.keywords()), d.licence().ckanId(), d.contactName(), d.contactEmail(),
                d.temporalStart() == null ? "" : d.temporalStart().toString(),
                d.temporalEnd() == null ? "" : d.temporalEnd().toString(), d.spatial() == null ? "" : d.spatial(),
                d.frequency().name(), d.openLevel().code(), d.catalogueCode() == null ? "" : d.catalogueCode(), d.version());
    }

    DatasetInput input() {
        return new DatasetInput(name, titleZh, titleEn, descriptionZh, descriptionEn, theme,
                DatasetInput.splitKeywords(keywords), licence, contactName, contactEmail, temporalStart, temporalEnd,
                spatial, frequency, openLevel, catalogueCode);
    }

    /** A value for an input: never null. */
    public String v(@Nullable String value) {
        return value == null ? "" : value;
    }
}
