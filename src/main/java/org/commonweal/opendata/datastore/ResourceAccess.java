package org.commonweal.opendata.datastore;

import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Who may read a resource's datastore table over HTTP (datastore_search and the downloads).
 * The open data portal implements it from the dataset's open level (unconditional, conditional,
 * not open) and the person asking. With no implementation in the application, every resource is
 * answered as not found: the datastore never opens data that nobody decided to open.
 */
public interface ResourceAccess {

    boolean mayRead(UUID resourceId, HttpServletRequest request);
}
