package org.commonweal.opendata.reuse;

import java.util.Locale;
import java.util.UUID;

import org.commonweal.opendata.Datasets;

/** Titles and names of the datasets a reuse is built on, in the reader's language. */
public record DatasetTitles(Datasets datasets) {

    public String title(UUID id, Locale locale) {
        return datasets.find(id).map(d -> d.title(locale)).orElse("");
    }

    public String name(UUID id) {
        return datasets.find(id).map(d -> d.name()).orElse("");
    }
}
