/** Consent, the "who used my data" tracker, data-subject rights and retention. */
@ApplicationModule(displayName = "Privacy")
@NullMarked
package org.commonweal.privacy;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
