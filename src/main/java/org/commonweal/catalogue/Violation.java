package org.commonweal.catalogue;

/**
 * One broken catalogue rule in a draft: the field it concerns (a form field name such as
 * {@code legalBasis} or {@code items[2].key}), which rule, and a sentence in English for logs and APIs.
 * Pages show the localised message {@code error.<code>} with {@link #arguments}.
 */
public record Violation(String field, CatalogueErrorCode code, String detail, Object... arguments) {

    public CatalogueRefused refusal() {
        return new CatalogueRefused(code, detail, arguments);
    }
}
