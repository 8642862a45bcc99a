package org.commonweal.opendata.reuse;

import java.util.List;

/** What the reuse form holds, for showing it again with its errors. */
public record ReuseForm(String title, String kind, String url, String description, String author, List<String> datasets) {

    public ReuseForm {
        datasets = List.copyOf(datasets);
    }
}
