package org.commonweal.requests.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.commonweal.identity.District;
import org.commonweal.requests.Categories;
import org.commonweal.requests.RequestSettings;
import org.commonweal.requests.ServiceRequest;
import org.commonweal.requests.internal.Routing;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a map on a page shows, as JSON for {@code /js/request-map.js}: the district boundaries, the
 * requests as markers, and the tile URL if one is configured (without one the map draws the
 * districts on a plain background, so it works offline and needs no outside server).
 */
@Component
class MapData {

    private final Routing routing;
    private final RequestSettings settings;
    private final JsonMapper json;
    private final Categories categories;

    MapData(Routing routing, RequestSettings settings, JsonMapper json, Categories categories) {
        this.categories = categories;
        this.routing = routing;
        this.settings = settings;
        this.json = json;
    }

    String of(List<ServiceRequest> requests, Locale locale, java.util.function.Function<ServiceRequest, String> label) {
        List<Map<String, Object>> areas = new ArrayList<>();
        for (District district : routing.districts()) {
            areas.add(Map.of("name", district.name(locale), "geometry", json.readTree(district.boundaryGeoJson())));
        }
        List<Map<String, Object>> markers = new ArrayList<>();
        for (ServiceRequest request : requests) {
            // personal matters keep their place private, as their page does
            if (request.hasLocation() && categories.find(request.serviceCode()).map(c -> c.location()).orElse(false)) {
                markers.add(Map.of("lat", request.lat(), "lon", request.lon(), "label", label.apply(request),
                        "href", "/requests/" + request.trackingNumber()));
            }
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("tiles", settings.mapTileUrl());
        data.put("attribution", settings.mapAttribution());
        data.put("districts", areas);
        data.put("markers", markers);
        return json.writeValueAsString(data);
    }
}
