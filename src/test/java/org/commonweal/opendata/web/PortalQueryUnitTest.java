package org.commonweal.opendata.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** How the portal bounds what people type and keeps their filters in links. */
class PortalQueryUnitTest {

    @Test
    void longSearchesAreCutAfterAWholeWord() {
        assertThat(PublicDatasetsController.cut("  公交  ")).isEqualTo("公交");
        String cut = PublicDatasetsController.cut("公交 ".repeat(200));
        assertThat(cut.length()).isLessThanOrEqualTo(PublicDatasetsController.MAX_QUERY_CHARS);
        assertThat(cut).endsWith("公交");
        String oneWord = "x".repeat(500);
        assertThat(PublicDatasetsController.cut(oneWord)).hasSize(PublicDatasetsController.MAX_QUERY_CHARS);
    }

    @Test
    void filtersAreEncodedInLinks() {
        Map<String, List<String>> chosen = new LinkedHashMap<>();
        chosen.put("level", List.of("conditional"));
        chosen.put("publisher", List.of("a&b=<script>", "交通"));
        assertThat(PublicDatasetsController.queryOf(chosen))
                .isEqualTo("?level=conditional&publisher=a%26b%3D%3Cscript%3E&publisher=%E4%BA%A4%E9%80%9A");
        assertThat(PublicDatasetsController.queryOf(Map.of())).isEmpty();
    }
}
