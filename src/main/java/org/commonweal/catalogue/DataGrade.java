package org.commonweal.catalogue;

/** Data grade by GB/T 43697-2024 (一般 / 重要 / 核心数据). */
public enum DataGrade {
    GENERAL,
    IMPORTANT,
    /** Core data is never offered through the exchange gateway, whatever its sharing type. */
    CORE
}
