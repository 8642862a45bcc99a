/** The open data portal: datasets, the open list, the datastore, CKAN API v3 and DCAT-AP. */
@ApplicationModule(displayName = "Open data")
@NullMarked
package org.commonweal.opendata;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
