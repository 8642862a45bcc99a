package org.commonweal.catalogue.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Form field ids of the items editor: rule field {@code items[2].key} is the input {@code item-2-key}. */
final class ItemFields {

    private static final Pattern ITEM = Pattern.compile("items\\[(\\d+)]\\.(\\w+)");

    private ItemFields() {
    }

    static String id(String field) {
        Matcher item = ITEM.matcher(field);
        if (item.matches()) {
            return "item-" + item.group(1) + "-" + item.group(2);
        }
        return "items".equals(field) ? "item-0-key" : field;
    }
}
