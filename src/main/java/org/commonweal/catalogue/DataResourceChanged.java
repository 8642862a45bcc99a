package org.commonweal.catalogue;

/** A data resource was changed in the catalogue; read it with {@link Catalogue#find}. */
public record DataResourceChanged(String code) {
}
