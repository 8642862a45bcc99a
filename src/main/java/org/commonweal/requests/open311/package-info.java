/**
 * Open311 GeoReport v2 at {@code /open311/v2/}: the standard door for other systems to list
 * services, submit requests and follow them, with the mySociety {@code servicerequestupdates}
 * extension. Every answer comes as JSON or XML, as the extension of the path asks; errors use the
 * spec's own error body. The choices the spec leaves open are recorded in
 * {@code docs/adr/0004-open311-georeport-v2-choices.md}.
 */
@NullMarked
package org.commonweal.requests.open311;

import org.jspecify.annotations.NullMarked;
