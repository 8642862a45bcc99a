/** People and organisations: accounts, roles, sign-in, X-Road-style organisation identifiers, districts and API clients. */
@ApplicationModule(displayName = "Identity")
@NullMarked
package org.commonweal.identity;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
