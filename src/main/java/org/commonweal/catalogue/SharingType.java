package org.commonweal.catalogue;

/** How a resource is shared between departments (无条件 / 有条件 / 不予共享). */
public enum SharingType {
    /** Any department may use it, without applying. */
    UNCONDITIONAL,
    /** A department applies and the provider approves, under the stated conditions. */
    CONDITIONAL,
    /** Not shared; the legal basis for refusing must be written down. */
    NOT_SHARED
}
