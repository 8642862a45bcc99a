/** Pages for citizens, staff and the public about requests, and the Open311 GeoReport v2 API. */
@NullMarked
package org.commonweal.requests.web;

import org.jspecify.annotations.NullMarked;
