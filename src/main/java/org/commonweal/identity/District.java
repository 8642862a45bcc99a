package org.commonweal.identity;

import java.util.Locale;

/** An administrative district of the city; its boundary is a GeoJSON polygon. */
public record District(String code, String nameZh, String nameEn, String boundaryGeoJson) {

    public String name(Locale locale) {
        return "en".equals(locale.getLanguage()) ? nameEn : nameZh;
    }
}
