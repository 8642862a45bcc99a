/** Runtime plumbing every module shares: the database, the clock, the error model and request ids. */
@ApplicationModule(displayName = "Platform", type = ApplicationModule.Type.OPEN)
@NullMarked
package org.commonweal.platform;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
