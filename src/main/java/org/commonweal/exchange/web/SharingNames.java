package org.commonweal.exchange.web;

import java.util.Locale;
import java.util.Set;

import org.commonweal.catalogue.Catalogue;
import org.commonweal.catalogue.DataItem;
import org.commonweal.catalogue.DataResource;
import org.commonweal.identity.Organisations;
import org.springframework.stereotype.Component;

/** Names people read instead of codes: departments by member code, resources and their items. */
@Component
public class SharingNames {

    private final Organisations organisations;
    private final Catalogue catalogue;

    SharingNames(Organisations organisations, Catalogue catalogue) {
        this.organisations = organisations;
        this.catalogue = catalogue;
    }

    /** The department's name, or the code when unknown; accepts a member code or an identifier {@code I/C/CODE[/SUB]}. */
    public String department(String memberOrIdentifier, Locale locale) {
        String[] parts = memberOrIdentifier.split("/");
        String member = parts.length >= 3 ? parts[2] : memberOrIdentifier;
        return organisations.all().stream().filter(o -> o.identifier().memberCode().equals(member)).findFirst()
                .map(o -> o.name(locale)).orElse(memberOrIdentifier);
    }

    public String resource(String code, Locale locale) {
        return catalogue.find(code).map(r -> r.name(locale) + " (" + code + ")").orElse(code);
    }

    /** The items' names in the catalogue's order, joined; unknown keys as they are. */
    public String items(String resourceCode, Set<String> keys, Locale locale) {
        DataResource resource = catalogue.find(resourceCode).orElse(null);
        if (resource == null) {
            return String.join(", ", new java.util.TreeSet<>(keys));
        }
        StringBuilder names = new StringBuilder();
        for (DataItem item : resource.items()) {
            if (keys.contains(item.key())) {
                names.append(names.isEmpty() ? "" : locale.getLanguage().equals("en") ? ", " : "、").append(item.name(locale));
            }
        }
        return names.toString();
    }
}
