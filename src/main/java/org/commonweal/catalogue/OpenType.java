package org.commonweal.catalogue;

/** Whether a resource is opened to the public (无条件开放 / 有条件开放 / 不予开放). */
public enum OpenType {
    OPEN,
    CONDITIONAL,
    NOT_OPEN
}
