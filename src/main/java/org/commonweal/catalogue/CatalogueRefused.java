package org.commonweal.catalogue;

import org.commonweal.platform.CommonwealException;
import org.jspecify.annotations.Nullable;

/** A catalogue action refused with a reason a person can act on; {@link #code()} tells which rule. */
public class CatalogueRefused extends CommonwealException {

    public CatalogueRefused(CatalogueErrorCode code, String detail, @Nullable Object... arguments) {
        super(code, detail, arguments);
    }

    public CatalogueErrorCode code() {
        return (CatalogueErrorCode) errorCode();
    }
}
