package org.commonweal.catalogue.internal;

import org.commonweal.catalogue.CatalogueErrorCode;
import org.commonweal.catalogue.CatalogueRefused;

/** A whole file refused before any row was looked at. */
final class UnreadableFile {

    private UnreadableFile() {
    }

    static CatalogueRefused because(CatalogueErrorCode code, String detail) {
        return new CatalogueRefused(code, detail, detail);
    }
}
