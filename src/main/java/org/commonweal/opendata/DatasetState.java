package org.commonweal.opendata;

/** Where a dataset is in its life: only published, open datasets are public. */
public enum DatasetState {
    DRAFT, PUBLISHED, WITHDRAWN
}
