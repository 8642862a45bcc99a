/** Citizen requests (12345): report, route, handle on time, rate; and the Open311 GeoReport v2 door to them. */
@NullMarked
package org.commonweal.requests;

import org.jspecify.annotations.NullMarked;
