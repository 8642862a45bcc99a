package org.commonweal.opendata;

import java.util.Arrays;
import java.util.Optional;

/** The licences a dataset may carry: CKAN's licence ids and the EU licence vocabulary URIs. */
public enum Licence {
    CC_BY("cc-by", "Creative Commons Attribution", "CC_BY_4_0", "https://creativecommons.org/licenses/by/4.0/"),
    CC_BY_SA("cc-by-sa", "Creative Commons Attribution Share-Alike", "CC_BYSA_4_0",
            "https://creativecommons.org/licenses/by-sa/4.0/"),
    CC_ZERO("cc-zero", "Creative Commons CCZero", "CC0", "https://creativecommons.org/publicdomain/zero/1.0/"),
    ODC_BY("odc-by", "Open Data Commons Attribution License", "ODC_BY", "https://opendatacommons.org/licenses/by/");

    private final String ckanId;
    private final String title;
    private final String euCode;
    private final String url;

    Licence(String ckanId, String title, String euCode, String url) {
        this.ckanId = ckanId;
        this.title = title;
        this.euCode = euCode;
        this.url = url;
    }

    public String ckanId() {
        return ckanId;
    }

    public String title() {
        return title;
    }

    public String url() {
        return url;
    }

    public String uri() {
        return "http://publications.europa.eu/resource/authority/licence/" + euCode;
    }

    public static Optional<Licence> find(String text) {
        return Arrays.stream(values())
                .filter(l -> l.ckanId.equalsIgnoreCase(text) || l.name().equalsIgnoreCase(text))
                .findFirst();
    }
}
