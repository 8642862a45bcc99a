package org.commonweal.requests;

import java.util.HashMap;
import java.util.Map;

import org.commonweal.identity.District;
import org.commonweal.identity.Districts;
import org.commonweal.identity.Organisation;
import org.commonweal.identity.Organisations;
import org.commonweal.requests.RequestStatistics.Dimension;
import org.jspecify.annotations.Nullable;

/**
 * Names for the keys one statistics query returned, each list read at most once per report. A key
 * no longer known (a category removed from the list) shows as itself rather than dropping out of
 * the figures.
 */
final class StatisticsLabels {

    private final Categories categories;
    private final Districts districts;
    private final Organisations organisations;
    private @Nullable Map<String, Organisation> organisationsById;
    private @Nullable Map<String, District> districtsByCode;

    StatisticsLabels(Categories categories, Districts districts, Organisations organisations) {
        this.categories = categories;
        this.districts = districts;
        this.organisations = organisations;
    }

    RateRow row(Dimension dimension, @Nullable String key, ThreeRates rates) {
        if (key == null) {
            return new RateRow(null, null, null, rates);
        }
        return switch (dimension) {
            case DEPARTMENT -> {
                Organisation department = organisations().get(key);
                yield department == null ? new RateRow(key, key, key, rates)
                        : new RateRow(key, department.nameZh(), department.nameEn(), rates);
            }
            case DISTRICT -> {
                District district = districts().get(key);
                yield district == null ? new RateRow(key, key, key, rates)
                        : new RateRow(key, district.nameZh(), district.nameEn(), rates);
            }
            case CATEGORY -> categories.find(key)
                    .map(category -> new RateRow(key, category.nameZh(), category.nameEn(), rates))
                    .orElseGet(() -> new RateRow(key, key, key, rates));
        };
    }

    Hotspot hotspot(String categoryCode, @Nullable String districtCode, long lastWeek, long weekBefore) {
        Category category = categories.find(categoryCode).orElse(null);
        District district = districtCode == null ? null : districts().get(districtCode);
        return new Hotspot(categoryCode,
                category == null ? categoryCode : category.nameZh(), category == null ? categoryCode : category.nameEn(),
                districtCode,
                district == null ? districtCode : district.nameZh(), district == null ? districtCode : district.nameEn(),
                lastWeek, weekBefore);
    }

    private Map<String, Organisation> organisations() {
        if (organisationsById == null) {
            Map<String, Organisation> byId = new HashMap<>();
            organisations.all().forEach(organisation -> byId.put(organisation.id().toString(), organisation));
            organisationsById = byId;
        }
        return organisationsById;
    }

    private Map<String, District> districts() {
        if (districtsByCode == null) {
            Map<String, District> byCode = new HashMap<>();
            districts.all().forEach(district -> byCode.put(district.code(), district));
            districtsByCode = byCode;
        }
        return districtsByCode;
    }
}
