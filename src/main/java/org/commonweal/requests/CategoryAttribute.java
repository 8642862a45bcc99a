package org.commonweal.requests;

import java.util.List;
import java.util.Locale;

/**
 * A further question a category asks (an Open311 service attribute).
 *
 * @param datatype one of the Open311 datatypes
 * @param values the choices, for {@code singlevaluelist} and {@code multivaluelist} only
 */
public record CategoryAttribute(String code, Datatype datatype, boolean required, String descriptionZh,
                                String descriptionEn, List<Choice> values) {

    /** The Open311 attribute datatypes, written in lower case on the wire. */
    public enum Datatype {
        STRING, NUMBER, DATETIME, TEXT, SINGLEVALUELIST, MULTIVALUELIST;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        public boolean isList() {
            return this == SINGLEVALUELIST || this == MULTIVALUELIST;
        }
    }

    public record Choice(String key, String nameZh, String nameEn) {
        public String name(Locale locale) {
            return "en".equals(locale.getLanguage()) ? nameEn : nameZh;
        }
    }

    public CategoryAttribute {
        values = List.copyOf(values);
    }

    public String description(Locale locale) {
        return "en".equals(locale.getLanguage()) ? descriptionEn : descriptionZh;
    }

    public boolean hasChoice(String key) {
        return values.stream().anyMatch(choice -> choice.key().equals(key));
    }
}
