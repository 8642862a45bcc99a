package org.commonweal.opendata.feedback;

import java.util.Locale;
import java.util.UUID;

import org.commonweal.identity.Organisation;
import org.commonweal.identity.Organisations;
import org.commonweal.opendata.Dataset;
import org.commonweal.opendata.Datasets;
import org.jspecify.annotations.Nullable;

/** Names of the datasets and departments items point to, in the reader's language. */
public record FeedbackNames(Datasets datasets, Organisations organisations) {
    public String dataset(@Nullable UUID id, Locale locale) {
        return id == null ? "" : datasets.find(id).map(d -> d.title(locale)).orElse("");
    }

    public String datasetName(@Nullable UUID id) {
        return id == null ? "" : datasets.find(id).map(Dataset::name).orElse("");
    }

    public @Nullable String department(@Nullable UUID id, Locale locale) {
        return id == null ? null : organisations.find(id).map((Organisation o) -> o.name(locale)).orElse(null);
    }
}
