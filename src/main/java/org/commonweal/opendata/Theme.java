package org.commonweal.opendata;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The EU data themes (used as CKAN groups and DCAT {@code dcat:theme}), each with the Chinese
 * open-data theme (开放数据主题) it stands for.
 */
public enum Theme {
    AGRI("agriculture", "农业农村", "Agriculture, fisheries, forestry and food"),
    ECON("economy", "经济建设", "Economy and finance"),
    EDUC("education", "教育文化", "Education, culture and sport"),
    ENER("energy", "能源资源", "Energy"),
    ENVI("environment", "生态环境", "Environment"),
    GOVE("government", "机构团体", "Government and public sector"),
    HEAL("health", "卫生健康", "Health"),
    INTR("international", "对外交流", "International issues"),
    JUST("justice", "公共安全", "Justice, legal system and public safety"),
    REGI("regions", "城建住房", "Regions and cities"),
    SOCI("society", "社保就业", "Population and society"),
    TECH("science", "科技创新", "Science and technology"),
    TRAN("transport", "交通出行", "Transport");

    private final String slug;
    private final String labelZh;
    private final String labelEn;

    Theme(String slug, String labelZh, String labelEn) {
        this.slug = slug;
        this.labelZh = labelZh;
        this.labelEn = labelEn;
    }

    /** The CKAN group name, for example {@code transport}. */
    public String slug() {
        return slug;
    }

    public String label(Locale locale) {
        return "en".equals(locale.getLanguage()) ? labelEn : labelZh;
    }

    public String labelZh() {
        return labelZh;
    }

    public String labelEn() {
        return labelEn;
    }

    public String uri() {
        return "http://publications.europa.eu/resource/authority/data-theme/" + name();
    }

    /** By code ({@code TRAN}) or group name ({@code transport}), ignoring case. */
    public static Optional<Theme> find(String text) {
        return Arrays.stream(values())
                .filter(theme -> theme.name().equalsIgnoreCase(text) || theme.slug.equalsIgnoreCase(text))
                .findFirst();
    }
}
