/** Storage, files, the search index and demo data behind the open data services. */
@NullMarked
package org.commonweal.opendata.internal;

import org.jspecify.annotations.NullMarked;
