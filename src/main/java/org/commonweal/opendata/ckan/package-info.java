/** The CKAN Action API v3 ({@code /api/3/action/...}) over the open data portal, as CKAN 2.10/2.11 answers it. */
@NullMarked
package org.commonweal.opendata.ckan;

import org.jspecify.annotations.NullMarked;
