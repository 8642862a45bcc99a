/** Storage, search index, file import/export and demo data behind the catalogue's services. */
@NullMarked
package org.commonweal.catalogue.internal;

import org.jspecify.annotations.NullMarked;
