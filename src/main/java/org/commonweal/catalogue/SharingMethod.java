package org.commonweal.catalogue;

/** How a shared resource is delivered: through the exchange gateway's interface, as files, or as database tables. */
public enum SharingMethod {
    INTERFACE,
    FILE,
    DATABASE
}
