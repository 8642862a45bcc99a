package org.commonweal.opendata.datastore;

import java.io.IOException;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** Receives an export row by row, while the rows are read, so no export is held in memory. */
public interface ExportSink {

    void start(List<Column> fields) throws IOException;

    /** @param values in the order of the fields; types as in {@link Page#records()} */
    void row(List<@Nullable Object> values) throws IOException;
}
