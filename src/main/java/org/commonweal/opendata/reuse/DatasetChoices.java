package org.commonweal.opendata.reuse;

import java.util.List;
import java.util.Locale;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The published open datasets a reuse can name, for the form's checkboxes. */
@Component
public class DatasetChoices {

    /** One dataset to choose. */
    public record Choice(String name, String titleZh, String titleEn) {
        public String title(Locale locale) {
            return "en".equals(locale.getLanguage()) ? titleEn : titleZh;
        }
    }

    private final JdbcClient jdbc;

    DatasetChoices(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Choice> all() {
        return jdbc.sql("SELECT name, title_zh, title_en FROM opendata_dataset WHERE state = 'PUBLISHED'"
                        + " AND open_level <> 'NOT_OPEN' ORDER BY name LIMIT 2000")
                .query((rs, n) -> new Choice(rs.getString("name"), rs.getString("title_zh"), rs.getString("title_en"))).list();
    }
}
