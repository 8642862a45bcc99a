/** The open data portal's JSON API for departments' systems, its staff pages and public pages. */
@NullMarked
package org.commonweal.opendata.web;

import org.jspecify.annotations.NullMarked;
