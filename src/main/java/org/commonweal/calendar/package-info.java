/** The platform's official working-day calendar (China's public holidays and 调休) and deadline arithmetic. */
@org.jspecify.annotations.NullMarked
package org.commonweal.calendar;
