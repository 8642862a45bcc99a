package org.commonweal.opendata.quality;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.commonweal.opendata.DataResource;
import org.commonweal.opendata.Dataset;
import org.commonweal.opendata.DatasetState;
import org.commonweal.opendata.Frequency;
import org.commonweal.opendata.Licence;
import org.commonweal.opendata.OpenLevel;
import org.commonweal.opendata.Theme;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class QualityScoresUnitTest {

    private static final Instant NOW = Instant.parse("2026-03-02T01:00:00Z");
    private static final UUID DATASET = UUID.randomUUID();

    private static DataResource file(String format, String description) {
        return new DataResource(UUID.randomUUID(), DATASET, 0, "data." + format.toLowerCase(), description,
                DataResource.Kind.FILE, format, null, null, "data", "key", 10L, "abc", NOW, NOW);
    }

    private static DataResource link(String format) {
        return new DataResource(UUID.randomUUID(), DATASET, 1, "api", "接口", DataResource.Kind.LINK, format, null,
                "https://api.example.cn/x", null, null, null, null, NOW, NOW);
    }

    private static Dataset dataset(Frequency frequency, Instant modified, List<DataResource> resources, String descriptionEn,
                                   List<String> keywords) {
        return new Dataset(DATASET, "sample", "公交站点", "Bus stops", "清河市全部公交站点的位置、名称和所属线路，按月更新。",
                descriptionEn, Theme.values()[0], keywords, Licence.values()[0], UUID.randomUUID(), "数据开放办公室",
                "open@example.cn", LocalDate.of(2025, 1, 1), null, "清河市", frequency, OpenLevel.UNCONDITIONAL, "TR-01",
                DatasetState.PUBLISHED, NOW, modified, NOW, 1, resources);
    }

    @Nested
    class Completeness {

        @Test
        void aFullDescriptionGetsEveryPoint() {
            Dataset d = dataset(Frequency.MONTHLY, NOW, List.of(file("CSV", "站点表")),
                    "Every bus stop in Qinghe with its name and routes.", List.of("公交", "站点"));
            QualityScore.Part part = QualityScores.completeness(d);
            assertThat(part.points()).isEqualTo(part.max());
            assertThat(part.advice()).isEmpty();
        }

        @Test
        void missingFieldsCostTheirWeightAndSayWhatToAdd() {
            Dataset d = dataset(Frequency.MONTHLY, NOW, List.of(), "", List.of("公交"));
            QualityScore.Part part = QualityScores.completeness(d);
            // missing: English description (2), keywords (2), resources (3), resource descriptions (1) of 19
            assertThat(part.points()).isEqualTo(Math.round(30f * 11 / 19));
            assertThat(part.advice()).containsExactly("opendata.quality.advice.field.description_en",
                    "opendata.quality.advice.field.keywords", "opendata.quality.advice.field.resources",
                    "opendata.quality.advice.field.resource_descriptions");
        }
    }

    @Nested
    class Freshness {

        @Test
        void fullWithinOneCadenceHalfWithinTwoNoneAfter() {
            assertThat(points(Frequency.MONTHLY, 30)).isEqualTo(25);
            assertThat(points(Frequency.MONTHLY, 40)).isEqualTo(12);
            assertThat(points(Frequency.MONTHLY, 70)).isZero();
            assertThat(points(Frequency.DAILY, 1)).isEqualTo(25);
            assertThat(points(Frequency.DAILY, 3)).isEqualTo(12);
            assertThat(points(Frequency.ANNUAL, 360)).isEqualTo(25);
            assertThat(points(Frequency.WEEKLY, 20)).isZero();
        }

        @Test
        void anIrregularDatasetHasNoCadenceToMiss() {
            assertThat(points(Frequency.IRREG, 3000)).isEqualTo(25);
        }

        @Test
        void aStaleDatasetIsAdvisedToUpdate() {
            Dataset d = dataset(Frequency.WEEKLY, NOW.minus(30, ChronoUnit.DAYS), List.of(), "", List.of());
            assertThat(QualityScores.freshness(d, NOW).advice()).containsExactly("opendata.quality.advice.freshness");
        }

        private int points(Frequency frequency, int daysAgo) {
            return QualityScores.freshness(dataset(frequency, NOW.minus(daysAgo, ChronoUnit.DAYS), List.of(), "", List.of()), NOW)
                    .points();
        }
    }

    @Nested
    class Openness {

        @Test
        void starsFollowTheFiveStarScale() {
            assertThat(OpenFormats.stars("PDF")).isEqualTo(1);
            assertThat(OpenFormats.stars("html")).isEqualTo(1);
            assertThat(OpenFormats.stars("XLSX")).isEqualTo(2);
            assertThat(OpenFormats.stars("XLS")).isEqualTo(2);
            assertThat(OpenFormats.stars("CSV")).isEqualTo(3);
            assertThat(OpenFormats.stars(" json ")).isEqualTo(3);
            assertThat(OpenFormats.stars("RDF")).isEqualTo(4);
            assertThat(OpenFormats.stars("JSON-LD")).isEqualTo(4);
            assertThat(OpenFormats.stars("SPARQL")).isEqualTo(5);
            assertThat(OpenFormats.stars("")).isZero();
        }

        @Test
        void theBestResourceCounts() {
            Dataset d = dataset(Frequency.MONTHLY, NOW, List.of(file("PDF", "x"), file("CSV", "y"), file("XLSX", "z")), "",
                    List.of());
            QualityScore.Part part = QualityScores.openness(d);
            assertThat(part.points()).isEqualTo(15);
            assertThat(part.advice()).containsExactly("opendata.quality.advice.linked_data");
        }

        @Test
        void onlyClosedFormatsAreAdvisedToOfferCsv() {
            QualityScore.Part part = QualityScores.openness(dataset(Frequency.MONTHLY, NOW, List.of(file("PDF", "x")), "", List.of()));
            assertThat(part.points()).isEqualTo(5);
            assertThat(part.advice()).containsExactly("opendata.quality.advice.open_format");
            assertThat(QualityScores.openness(dataset(Frequency.MONTHLY, NOW, List.of(), "", List.of())).points()).isZero();
        }
    }

    @Nested
    class Links {

        @Test
        void filesNeedNoCheck() {
            QualityScore.Part part = QualityScores.links(dataset(Frequency.MONTHLY, NOW, List.of(file("CSV", "x")), "", List.of()),
                    Map.of());
            assertThat(part.points()).isEqualTo(20);
        }

        @Test
        void workingCountsFullyUncheckedHalfBrokenNothing() {
            DataResource working = link("API");
            DataResource broken = link("JSON");
            DataResource unchecked = link("CSV");
            Dataset d = dataset(Frequency.MONTHLY, NOW, List.of(working, broken, unchecked), "", List.of());
            QualityScore.Part part = QualityScores.links(d, Map.of(
                    working.id(), new LinkChecks.LinkCheck(working.id(), NOW, 200, true, null),
                    broken.id(), new LinkChecks.LinkCheck(broken.id(), NOW, 404, false, "http_404")));
            assertThat(part.points()).isEqualTo(10); // 20 × 1.5 / 3
            assertThat(part.advice()).containsExactly("opendata.quality.advice.broken_links",
                    "opendata.quality.advice.unchecked_links");
        }
    }
}
