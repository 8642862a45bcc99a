package org.commonweal.opendata.web;

import java.time.Instant;
import java.util.List;

/** What the public portal's pages show, prepared by {@link PublicDatasetsController}. */
public final class PortalRows {

    private PortalRows() {
    }

    /** One search result. */
    public record Hit(String name, String title, String publisher, String level, List<String> formats, Instant modified) {
    }

    /** One facet: the parameter that filters by it, and its values. */
    public record FacetGroup(String parameter, List<FacetOption> options) {
    }

    /** One value of a facet with its label, how many datasets have it, and whether it is chosen. */
    public record FacetOption(String value, String label, int count, boolean chosen) {
    }

    /** One line of the open list (开放清单). */
    public record OpenListRow(String name, String title, String publisher, String level, String theme, String frequency,
                              Instant modified) {
    }
}
