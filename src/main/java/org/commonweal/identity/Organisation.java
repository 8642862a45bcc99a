package org.commonweal.identity;

import java.util.Locale;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** A department, enterprise or social organisation known to the platform. */
public record Organisation(UUID id, OrganisationIdentifier identifier, OrganisationKind kind,
                           String nameZh, String nameEn, @Nullable String districtCode) {

    /** The name in the reader's language (Chinese unless they read English). */
    public String name(Locale locale) {
        return "en".equals(locale.getLanguage()) ? nameEn : nameZh;
    }
}
