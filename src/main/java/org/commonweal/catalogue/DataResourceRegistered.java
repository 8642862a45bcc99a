package org.commonweal.catalogue;

/** A data resource was registered in the catalogue; read it with {@link Catalogue#find}. */
public record DataResourceRegistered(String code) {
}
