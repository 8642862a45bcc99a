package org.commonweal.catalogue;

/** The form a resource is kept in (GB/T 21063.3 资源格式). */
public enum ResourceFormat {
    DATABASE,
    SPREADSHEET,
    DOCUMENT,
    IMAGE,
    STREAM,
    INTERFACE
}
