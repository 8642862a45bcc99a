package org.commonweal.catalogue;

/** A data resource was retired in the catalogue; read it with {@link Catalogue#find}. */
public record DataResourceRetired(String code) {
}
