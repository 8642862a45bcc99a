package org.commonweal.requests.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.commonweal.calendar.WorkingCalendar;
import org.commonweal.identity.DemoCityLoaded;
import org.commonweal.identity.Organisation;
import org.commonweal.identity.Organisations;
import org.commonweal.ledger.Evidence;
import org.commonweal.ledger.Ledger;
import org.commonweal.requests.Categories;
import org.commonweal.requests.Category;
import org.commonweal.requests.RequestSettings;
import org.commonweal.requests.ServiceRequest;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A few hundred requests for the demo city, spread over the last six months, districts and
 * categories and in every state, so that a newcomer sees a full inbox, live rates and a hotspot
 * (noise in Wangshan rising last week). The history is synthetic: one ledger entry says so,
 * instead of back-dated evidence for each request.
 */
@Component
public class DemoRequests {

    private static final Map<String, Integer> WEIGHTS = Map.ofEntries(Map.entry("streetlight", 12),
            Map.entry("road-damage", 10), Map.entry("noise", 12), Map.entry("property-management", 10),
            Map.entry("water-outage", 6), Map.entry("heating", 5), Map.entry("food-safety", 5),
            Map.entry("unpaid-wages", 5), Map.entry("social-insurance", 6), Map.entry("elderly-care", 4),
            Map.entry("medical-service", 4), Map.entry("illegal-construction", 5), Map.entry("pollution", 4),
            Map.entry("bus-service", 5), Map.entry("gas-leak", 1), Map.entry("other", 4));
    private static final int HOTSPOT_EXTRA = 12;

    private final Categories categories;
    private final Routing routing;
    private final WorkingCalendar calendar;
    private final RequestStore store;
    private final Organisations organisations;
    private final Ledger ledger;
    private final RequestSettings settings;
    private final Clock clock;
    private final TrackingNumbers trackingNumbers = new TrackingNumbers();

    DemoRequests(Categories categories, Routing routing, WorkingCalendar calendar, RequestStore store,
                 Organisations organisations, Ledger ledger, RequestSettings settings, Clock clock) {
        this.categories = categories;
        this.routing = routing;
        this.calendar = calendar;
        this.store = store;
        this.organisations = organisations;
        this.ledger = ledger;
        this.settings = settings;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(DemoCityLoaded loaded) {
        generate(settings.demoCount(), new Random(2026));
    }

    /** Stores {@code count} requests (plus the hotspot) ending now; returns how many. */
    @Transactional
    public int generate(int count, Random random) {
        if (count <= 0) {
            return 0;
        }
        routing.refresh();
        Instant now = clock.instant();
        List<Organisation> departments = organisations.departments();
        int made = 0;
        for (int i = 0; i < count; i++) {
            double age = Math.pow(random.nextDouble(), 1.6) * 180; // more recent than old, as volumes grow
            store(pickCategory(random), now.minus(Duration.ofMinutes((long) (age * 24 * 60))), now, random, departments, null);
            made++;
        }
        for (int i = 0; i < HOTSPOT_EXTRA; i++) {
            Instant lastWeek = now.minus(Duration.ofHours(24 + random.nextInt(24 * 6)));
            store(categories.get("noise"), lastWeek, now, random, departments, new double[]{30.16 + random.nextDouble() * 0.12,
                    120.21 + random.nextDouble() * 0.17});
            made++;
        }
        ledger.record(new Evidence("requests.demo_generated", "demo-city", "system", Map.of("count", (long) made)));
        return made;
    }

    private Category pickCategory(Random random) {
        int total = WEIGHTS.values().stream().mapToInt(Integer::intValue).sum();
        int pick = random.nextInt(total);
        for (Category category : categories.all()) {
            pick -= WEIGHTS.getOrDefault(category.code(), 0);
            if (pick < 0) {
                return category;
            }
        }
        return categories.get("other");
    }

    private void store(Category category, Instant submitted, Instant now, Random random, List<Organisation> departments,
                       double @org.jspecify.annotations.Nullable [] place) {
        Double lat = null;
        Double lon = null;
        if (category.location()) {
            double[] point = place != null ? place : new double[]{30.005 + random.nextDouble() * 0.29, 120.005 + random.nextDouble() * 0.39};
            lat = Math.round(point[0] * 1e6) / 1e6;
            lon = Math.round(point[1] * 1e6) / 1e6;
        }
        Routing.Route route = routing.route(category, lat, lon);
        UUID department = route.departmentId();
        boolean waitsForSupervisor = department == null && Duration.between(submitted, now).toDays() < 10;
        if (department == null && !waitsForSupervisor) {
            department = departments.get(random.nextInt(departments.size())).id();
        }
        DemoLifecycle life = DemoLifecycle.of(category, submitted, now, random, settings, calendar, waitsForSupervisor);
        boolean namePublic = random.nextInt(10) < 3;
        ServiceRequest request = new ServiceRequest(UUID.randomUUID(), trackingNumbers.next(), category.code(),
                DemoTexts.description(category, random), category.location() ? DemoTexts.address(random) : null, lat, lon,
                route.districtCode(), DemoTexts.answers(category, random), life.status(), life.reply(), department, null,
                life.transferred() ? 1 : 0, null, DemoTexts.name(random), "citizen" + random.nextInt(100000) + "@example.cn",
                null, namePublic, "web", submitted, life.updatedAt(), life.responseDue(), life.resolutionDue(),
                life.firstResponse(), life.pausedAt(), life.escalatedAt(), life.resolvedAt(), life.closedAt(), 0,
                life.rating(), life.solved(), null, null, random.nextInt(8) == 0 ? 1 + random.nextInt(5) : 0, 0);
        store.insert(request, new RequestStore.Secrets(null, null, null, null, RandomKeys.next()), null);
        store.jdbc().sql("UPDATE requests_request SET status_notes = ?, transfer_count = ?, first_response_at = ?,"
                        + " paused_at = ?, escalated_at = ?, resolved_at = ?, closed_at = ?, rating = ?, rated_solved = ?,"
                        + " rated_at = ?, support_count = ? WHERE id = ?")
                .params(request.statusNotes(), request.transferCount(), RequestStore.tsOrNull(life.firstResponse()), RequestStore.tsOrNull(life.pausedAt()),
                        RequestStore.tsOrNull(life.escalatedAt()), RequestStore.tsOrNull(life.resolvedAt()), RequestStore.tsOrNull(life.closedAt()),
                        life.rating() == null ? null : life.rating().name(), life.solved(), RequestStore.tsOrNull(life.ratedAt()),
                        request.supportCount(), request.id())
                .update();
        store.addUpdates(life.updates(request.id(), department));
    }
}
