/**
 * Exchange between departments: registered services, sharing agreements, and the X-Road-style
 * gateway at {@code /r1/...} that checks agreements, minimises responses and records every call.
 */
@ApplicationModule(displayName = "Exchange")
@NullMarked
package org.commonweal.exchange;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
