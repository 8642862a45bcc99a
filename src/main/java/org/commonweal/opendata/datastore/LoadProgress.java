package org.commonweal.opendata.datastore;

/** Told how many rows a load has read so far, every few thousand rows; for a progress bar or a log. */
@FunctionalInterface
public interface LoadProgress {

    LoadProgress NONE = rows -> {
    };

    void rowsLoaded(long rows);
}
