package org.commonweal.opendata;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * What a department writes about a dataset; {@link Datasets} checks every field and refuses what
 * is wrong with the field's name and a reason.
 *
 * @param name the URL slug (CKAN rules: 2-100 of a-z, 0-9, '-' and '_')
 * @param publisherId the department that publishes it; staff may only name their own
 * @param catalogueCode the government data resource catalogue code it comes from, if any
 */
public record DatasetDraft(String name, String titleZh, String titleEn, String descriptionZh, String descriptionEn,
                           Theme theme, List<String> keywords, Licence licence, UUID publisherId,
                           String contactName, String contactEmail, @Nullable LocalDate temporalStart,
                           @Nullable LocalDate temporalEnd, @Nullable String spatial, Frequency frequency,
                           OpenLevel openLevel, @Nullable String catalogueCode) {

    public DatasetDraft {
        keywords = List.copyOf(keywords);
    }
}
