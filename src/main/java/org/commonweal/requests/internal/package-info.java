/** Storage, routing, deadlines, notifications and demo data behind the requests module's services. */
@NullMarked
package org.commonweal.requests.internal;

import org.jspecify.annotations.NullMarked;
