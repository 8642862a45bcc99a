/** The catalogue's pages: public browse and search, staff management, import and export. */
@NullMarked
package org.commonweal.catalogue.web;

import org.jspecify.annotations.NullMarked;
