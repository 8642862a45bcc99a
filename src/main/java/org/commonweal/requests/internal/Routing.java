package org.commonweal.requests.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.commonweal.identity.District;
import org.commonweal.identity.Districts;
import org.commonweal.identity.Organisation;
import org.commonweal.identity.OrganisationRegistered;
import org.commonweal.identity.Organisations;
import org.commonweal.requests.Category;
import org.commonweal.requests.RequestSettings;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Automatic routing: the category names the responsible department, the location names the
 * district. Departments and boundaries change rarely and every submission needs them, so they are
 * read at most once a minute.
 */
@Component
public class Routing {

    private static final Duration REFRESH = Duration.ofMinutes(1);

    /** Where a new request goes; no department means the supervisor's queue. */
    public record Route(@Nullable UUID departmentId, @Nullable String districtCode) {
    }

    private record Snapshot(Map<String, Organisation> departmentsByCode, List<District> districtList,
                            DistrictMap districts, Instant readAt) {
    }

    private final Organisations organisations;
    private final Districts districts;
    private final JsonMapper json;
    private final RequestSettings settings;
    private final Clock clock;
    private volatile @Nullable Snapshot snapshot;

    Routing(Organisations organisations, Districts districts, JsonMapper json, RequestSettings settings, Clock clock) {
        this.organisations = organisations;
        this.districts = districts;
        this.json = json;
        this.settings = settings;
        this.clock = clock;
    }

    public Route route(Category category, @Nullable Double lat, @Nullable Double lon) {
        Snapshot current = current();
        String district = lat == null || lon == null ? null : current.districts().districtOf(lat, lon).orElse(null);
        Organisation department = category.department() == null ? null
                : current.departmentsByCode().get(category.department());
        return new Route(department == null ? null : department.id(), district);
    }

    /** The city's districts, as last read (pages list them on every view). */
    public List<District> districts() {
        return current().districtList();
    }

    /** The 12345 centre whose staff route by hand what could not be routed. */
    public Optional<Organisation> supervisor() {
        return Optional.ofNullable(current().departmentsByCode().get(settings.supervisorDepartment()));
    }

    /** A new department may be the one a category names. */
    @EventListener(OrganisationRegistered.class)
    public void refresh() {
        snapshot = null;
    }

    private Snapshot current() {
        Snapshot current = snapshot;
        Instant now = clock.instant();
        if (current == null || current.readAt().plus(REFRESH).isBefore(now)) {
            Map<String, Organisation> byCode = organisations.departments().stream()
                    .collect(Collectors.toMap(o -> o.identifier().memberCode(), Function.identity(), (a, b) -> a));
            List<District> all = districts.all();
            current = new Snapshot(byCode, all, new DistrictMap(all, json), now);
            snapshot = current;
        }
        return current;
    }
}
