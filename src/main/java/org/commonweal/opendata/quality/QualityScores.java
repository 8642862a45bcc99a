package org.commonweal.opendata.quality;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.commonweal.opendata.DataResource;
import org.commonweal.opendata.Dataset;
import org.commonweal.opendata.Datasets;
import org.commonweal.opendata.Frequency;
import org.commonweal.opendata.access.ParticipationErrorCode;
import org.commonweal.opendata.access.ParticipationRefused;
import org.springframework.stereotype.Service;

/**
 * Scores a dataset 0–100 from four parts: metadata completeness (30), freshness against its own
 * update frequency (25), the best open format of its resources on the five-star scale (25) and
 * working links (20). Computed when asked, from the dataset and the latest link checks, so it is
 * never out of date with the description.
 */
@Service
public class QualityScores {

    static final int COMPLETENESS = 30;
    static final int FRESHNESS = 25;
    static final int OPENNESS = 25;
    static final int LINKS = 20;

    private final Datasets datasets;
    private final LinkChecks links;
    private final Clock clock;

    QualityScores(Datasets datasets, LinkChecks links, Clock clock) {
        this.datasets = datasets;
        this.links = links;
        this.clock = clock;
    }

    public QualityScore of(UUID datasetId) {
        Dataset dataset = datasets.find(datasetId).orElseThrow(() -> new ParticipationRefused(
                ParticipationErrorCode.DATASET_NOT_FOUND, "", "No dataset has id " + datasetId + "."));
        return of(dataset);
    }

    public QualityScore of(Dataset dataset) {
        Instant now = clock.instant();
        List<QualityScore.Part> parts = List.of(completeness(dataset), freshness(dataset, now), openness(dataset),
                links(dataset, links.ofDataset(dataset.id())));
        int total = parts.stream().mapToInt(QualityScore.Part::points).sum();
        return new QualityScore(dataset.id(), total, parts, now);
    }

    /** Each field has a weight: what a reuser needs most (a description, a contact) weighs more. */
    static QualityScore.Part completeness(Dataset d) {
        record Field(String key, int weight, boolean filled) {
        }
        List<Field> fields = List.of(
                new Field("title_zh", 2, !d.titleZh().isBlank()),
                new Field("title_en", 1, !d.titleEn().isBlank()),
                new Field("description_zh", 3, d.descriptionZh().strip().length() >= 20),
                new Field("description_en", 2, d.descriptionEn().strip().length() >= 20),
                new Field("keywords", 2, d.keywords().size() >= 2),
                new Field("contact", 2, !d.contactName().isBlank() && !d.contactEmail().isBlank()),
                new Field("temporal", 1, d.temporalStart() != null),
                new Field("spatial", 1, d.spatial() != null && !d.spatial().isBlank()),
                new Field("catalogue", 1, d.catalogueCode() != null && !d.catalogueCode().isBlank()),
                new Field("resources", 3, !d.resources().isEmpty()),
                new Field("resource_descriptions", 1, !d.resources().isEmpty()
                        && d.resources().stream().allMatch(r -> !r.description().isBlank())));
        int weights = fields.stream().mapToInt(Field::weight).sum();
        int filled = fields.stream().filter(Field::filled).mapToInt(Field::weight).sum();
        List<QualityScore.Check> checks = new ArrayList<>();
        List<String> advice = new ArrayList<>();
        for (Field f : fields) {
            checks.add(new QualityScore.Check("opendata.quality.field." + f.key(), "", f.filled()));
            if (!f.filled()) {
                advice.add("opendata.quality.advice.field." + f.key());
            }
        }
        return new QualityScore.Part("completeness", Math.round((float) COMPLETENESS * filled / weights), COMPLETENESS,
                checks, advice);
    }

    /**
     * Full points within one expected cadence of the last change, half within two, none after.
     * An irregular dataset has no cadence to miss: it keeps full points, and the page says why.
     */
    static QualityScore.Part freshness(Dataset d, Instant now) {
        String modified = d.modifiedAt().toString().substring(0, 10);
        if (d.frequency() == Frequency.IRREG) {
            return new QualityScore.Part("freshness", FRESHNESS, FRESHNESS,
                    List.of(new QualityScore.Check("opendata.quality.freshness.irregular", modified, true)), List.of());
        }
        Duration cadence = cadence(d.frequency());
        Duration age = Duration.between(d.modifiedAt(), now);
        int points = age.compareTo(cadence) <= 0 ? FRESHNESS : age.compareTo(cadence.multipliedBy(2)) <= 0 ? FRESHNESS / 2 : 0;
        boolean met = points == FRESHNESS;
        return new QualityScore.Part("freshness", points, FRESHNESS,
                List.of(new QualityScore.Check("opendata.quality.freshness.last_modified", modified, met),
                        new QualityScore.Check("opendata.quality.freshness.expected." + d.frequency().name().toLowerCase(),
                                Long.toString(Math.max(0, age.toDays())), met)),
                met ? List.of() : List.of("opendata.quality.advice.freshness"));
    }

    /** How long a dataset of this frequency may go without a change (a little grace included). */
    static Duration cadence(Frequency frequency) {
        return switch (frequency) {
            case UPDATE_CONT, DAILY -> Duration.ofDays(2);
            case WEEKLY -> Duration.ofDays(8);
            case MONTHLY -> Duration.ofDays(32);
            case QUARTERLY -> Duration.ofDays(93);
            case ANNUAL -> Duration.ofDays(367);
            case IRREG -> Duration.ofDays(36_500);
        };
    }

    /** The dataset counts its best resource: one CSV beside a PDF is three stars. */
    static QualityScore.Part openness(Dataset d) {
        int best = 0;
        List<QualityScore.Check> checks = new ArrayList<>();
        for (DataResource r : d.resources()) {
            int stars = OpenFormats.stars(r.format());
            best = Math.max(best, stars);
            checks.add(new QualityScore.Check("opendata.quality.openness.resource", r.name() + " · " + r.format() + " · "
                    + "★".repeat(stars) + "☆".repeat(5 - stars), stars >= 3));
        }
        List<String> advice = new ArrayList<>();
        if (best < 3) {
            advice.add("opendata.quality.advice.open_format");
        } else if (best < 5) {
            advice.add("opendata.quality.advice.linked_data");
        }
        return new QualityScore.Part("openness", OPENNESS * best / 5, OPENNESS, checks, advice);
    }

    /**
     * Files are served by the portal itself; links are scored by their latest check: working
     * counts fully, not yet checked half, broken nothing.
     */
    static QualityScore.Part links(Dataset d, Map<UUID, LinkChecks.LinkCheck> checksById) {
        List<DataResource> linked = d.resources().stream().filter(r -> r.kind() == DataResource.Kind.LINK).toList();
        if (linked.isEmpty()) {
            return new QualityScore.Part("links", LINKS, LINKS,
                    List.of(new QualityScore.Check("opendata.quality.links.none", "", true)), List.of());
        }
        double credit = 0;
        List<QualityScore.Check> checks = new ArrayList<>();
        boolean broken = false;
        boolean unchecked = false;
        for (DataResource r : linked) {
            LinkChecks.LinkCheck check = checksById.get(r.id());
            if (check == null) {
                credit += 0.5;
                unchecked = true;
                checks.add(new QualityScore.Check("opendata.quality.links.unchecked", r.name(), false));
            } else {
                credit += check.ok() ? 1 : 0;
                broken |= !check.ok();
                String status = check.status() != null ? "HTTP " + check.status() : String.valueOf(check.problem());
                checks.add(new QualityScore.Check(check.ok() ? "opendata.quality.links.working" : "opendata.quality.links.broken",
                        r.name() + " · " + status + " · " + check.checkedAt().toString().substring(0, 16).replace('T', ' ')
                                + " UTC", check.ok()));
            }
        }
        List<String> advice = new ArrayList<>();
        if (broken) {
            advice.add("opendata.quality.advice.broken_links");
        }
        if (unchecked) {
            advice.add("opendata.quality.advice.unchecked_links");
        }
        return new QualityScore.Part("links", (int) Math.round(LINKS * credit / linked.size()), LINKS, checks, advice);
    }
}
