package org.commonweal.catalogue;

/** How often the provider updates a resource (更新周期). */
public enum UpdateCycle {
    REAL_TIME,
    DAILY,
    WEEKLY,
    MONTHLY,
    QUARTERLY,
    YEARLY,
    IRREGULAR
}
