package org.commonweal.catalogue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The catalogue's rules for a resource's metadata. Every violation is reported, so a form or an
 * import line can show all that needs fixing at once.
 */
public final class RegistrationRules {

    public static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9-]{1,63}");
    /** 类 (1 digit) - 项 (2) - 目 (2) - 细目 (3), the lower levels optional: {@code 3}, {@code 3-07}, {@code 3-07-01-001}. */
    public static final Pattern CLASSIFICATION = Pattern.compile("[1-3](-[0-9]{2}(-[0-9]{2}(-[0-9]{3})?)?)?");
    public static final Pattern ITEM_KEY = Pattern.compile("[a-z][a-z0-9_]{0,62}");
    public static final int MAX_NAME = 200;
    public static final int MAX_TEXT = 2000;
    public static final int MAX_ITEMS = 500;

    private RegistrationRules() {
    }

    public static List<Violation> check(ResourceDraft draft) {
        List<Violation> found = new ArrayList<>();
        String code = draft.code();
        if (code != null && !code.isBlank() && !CODE.matcher(code).matches()) {
            found.add(new Violation("code", CatalogueErrorCode.CODE_INVALID,
                    "A catalogue code is 2-64 capital letters, digits and '-', starting with a letter or digit"));
        }
        if (!CLASSIFICATION.matcher(draft.classification()).matches()) {
            found.add(new Violation("classification", CatalogueErrorCode.CLASSIFICATION_INVALID,
                    "The classification is 类-项-目-细目 such as 3-07-01-001 (class 1, 2 or 3)"));
        }
        name(found, "nameZh", draft.nameZh());
        name(found, "nameEn", draft.nameEn());
        length(found, "summary", draft.summary(), MAX_TEXT);
        length(found, "sharingConditions", draft.sharingConditions(), MAX_TEXT);
        length(found, "legalBasis", draft.legalBasis(), MAX_TEXT);
        length(found, "openConditions", draft.openConditions(), MAX_TEXT);
        sharing(found, draft);
        if (draft.openType() == OpenType.CONDITIONAL && draft.openConditions().isBlank()) {
            found.add(new Violation("openConditions", CatalogueErrorCode.CONDITIONS_MISSING,
                    "Conditional opening needs its conditions written"));
        }
        if (draft.grade() == DataGrade.CORE && draft.openType() != OpenType.NOT_OPEN) {
            found.add(new Violation("openType", CatalogueErrorCode.CORE_DATA_OPENED,
                    "Core data (GB/T 43697) is never opened to the public"));
        }
        items(found, draft.items());
        return found;
    }

    private static void sharing(List<Violation> found, ResourceDraft draft) {
        switch (draft.sharingType()) {
            case NOT_SHARED -> {
                if (draft.legalBasis().isBlank()) {
                    found.add(new Violation("legalBasis", CatalogueErrorCode.LEGAL_BASIS_MISSING,
                            "A resource that is not shared needs the legal basis for not sharing it"));
                }
            }
            case CONDITIONAL -> {
                if (draft.sharingConditions().isBlank()) {
                    found.add(new Violation("sharingConditions", CatalogueErrorCode.CONDITIONS_MISSING,
                            "Conditional sharing needs its conditions written"));
                }
                method(found, draft);
            }
            case UNCONDITIONAL -> method(found, draft);
        }
    }

    private static void method(List<Violation> found, ResourceDraft draft) {
        if (draft.sharingMethod() == null) {
            found.add(new Violation("sharingMethod", CatalogueErrorCode.SHARING_METHOD_MISSING,
                    "A shared resource needs its sharing method (interface, file or database)"));
        }
    }

    private static void items(List<Violation> found, List<DataItem> items) {
        if (items.isEmpty()) {
            found.add(new Violation("items", CatalogueErrorCode.ITEMS_MISSING, "A resource needs at least one data item"));
            return;
        }
        if (items.size() > MAX_ITEMS) {
            found.add(new Violation("items", CatalogueErrorCode.TOO_MANY_ITEMS,
                    "A resource has at most " + MAX_ITEMS + " data items", MAX_ITEMS));
            return;
        }
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            DataItem item = items.get(i);
            String field = "items[" + i + "]";
            int number = i + 1;
            if (!ITEM_KEY.matcher(item.key()).matches()) {
                found.add(new Violation(field + ".key", CatalogueErrorCode.ITEM_INVALID,
                        "Data item " + number + ": the key is ASCII snake_case such as plate_number", number));
            } else if (!keys.add(item.key())) {
                found.add(new Violation(field + ".key", CatalogueErrorCode.ITEM_DUPLICATE,
                        "Data item " + number + ": the key " + item.key() + " is used twice", number, item.key()));
            }
            if (badItemName(item.nameZh()) || badItemName(item.nameEn())) {
                found.add(new Violation(field + ".nameZh", CatalogueErrorCode.ITEM_INVALID,
                        "Data item " + number + ": both names are needed, up to " + MAX_NAME
                                + " characters, without '|' or line breaks", number));
            }
            if (!DataItem.TYPES.contains(item.type())) {
                found.add(new Violation(field + ".type", CatalogueErrorCode.ITEM_INVALID,
                        "Data item " + number + ": the type is one of " + String.join(", ", DataItem.TYPES), number));
            }
        }
    }

    /** Item names travel in one cell of import files, separated by '|' and line breaks. */
    private static boolean badItemName(String name) {
        return name.isBlank() || name.length() > MAX_NAME || name.indexOf('|') >= 0 || name.indexOf('\n') >= 0
                || name.indexOf('\r') >= 0;
    }

    private static void name(List<Violation> found, String field, String value) {
        if (value.isBlank()) {
            found.add(new Violation(field, CatalogueErrorCode.NAME_MISSING, "The resource needs a name in Chinese and in English"));
        } else {
            length(found, field, value, MAX_NAME);
        }
    }

    private static void length(List<Violation> found, String field, String value, int max) {
        if (value.length() > max) {
            found.add(new Violation(field, CatalogueErrorCode.FIELD_TOO_LONG,
                    "The field " + field + " is " + value.length() + " characters; the most is " + max,
                    field, value.length(), max));
        }
    }
}
