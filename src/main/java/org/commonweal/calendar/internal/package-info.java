/** Spring wiring of the working calendar; not for use by other modules. */
@org.jspecify.annotations.NullMarked
package org.commonweal.calendar.internal;
