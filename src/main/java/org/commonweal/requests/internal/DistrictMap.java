package org.commonweal.requests.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.commonweal.identity.District;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Finds the district a point lies in, from the districts' GeoJSON boundaries (Polygon or
 * MultiPolygon; holes respected). Ray casting on longitude/latitude is exact enough at city scale.
 */
public final class DistrictMap {

    private record Area(String code, List<double[][]> polygonRings) {
    }

    private final List<Area> areas;

    public DistrictMap(List<District> districts, JsonMapper json) {
        List<Area> parsed = new ArrayList<>();
        for (District district : districts) {
            parsed.add(new Area(district.code(), rings(json.readTree(district.boundaryGeoJson()))));
        }
        this.areas = List.copyOf(parsed);
    }

    public Optional<String> districtOf(double lat, double lon) {
        return areas.stream().filter(area -> contains(area, lon, lat)).map(Area::code).findFirst();
    }

    // Each entry of polygonRings is one polygon's rings; a point is inside a polygon when it is
    // inside its outer ring and in none of its holes.
    private static boolean contains(Area area, double x, double y) {
        for (double[][] polygon : area.polygonRings()) {
            if (polygon.length > 0 && inside(polygon, x, y)) {
                return true;
            }
        }
        return false;
    }

    private static boolean inside(double[][] flattened, double x, double y) {
        // flattened[i] is ring i as [x0, y0, x1, y1, ...]
        if (!inRing(flattened[0], x, y)) {
            return false;
        }
        for (int hole = 1; hole < flattened.length; hole++) {
            if (inRing(flattened[hole], x, y)) {
                return false;
            }
        }
        return true;
    }

    private static boolean inRing(double[] ring, double x, double y) {
        boolean inside = false;
        int points = ring.length / 2;
        for (int i = 0, j = points - 1; i < points; j = i++) {
            double xi = ring[2 * i], yi = ring[2 * i + 1], xj = ring[2 * j], yj = ring[2 * j + 1];
            if ((yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi) {
                inside = !inside;
            }
        }
        return inside;
    }

    private static List<double[][]> rings(JsonNode geometry) {
        String type = geometry.path("type").asString();
        JsonNode coordinates = geometry.path("coordinates");
        List<double[][]> polygons = new ArrayList<>();
        if ("Polygon".equals(type)) {
            polygons.add(polygon(coordinates));
        } else if ("MultiPolygon".equals(type)) {
            coordinates.forEach(polygon -> polygons.add(polygon(polygon)));
        }
        return polygons;
    }

    private static double[][] polygon(JsonNode rings) {
        double[][] result = new double[rings.size()][];
        for (int r = 0; r < rings.size(); r++) {
            JsonNode ring = rings.get(r);
            double[] flat = new double[ring.size() * 2];
            for (int p = 0; p < ring.size(); p++) {
                flat[2 * p] = ring.get(p).get(0).asDouble();
                flat[2 * p + 1] = ring.get(p).get(1).asDouble();
            }
            result[r] = flat;
        }
        return result;
    }
}
