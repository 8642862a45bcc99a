package org.commonweal.opendata.datastore.load;

import java.util.List;

/** Receives a file's rows as they are read: the header once, then each data row. */
public interface RowSink {

    /** @param line where the header is (1 unless blank lines came first) */
    void header(List<String> labels, long line);

    /** @param line where the row starts; for a workbook, the Excel row number */
    void row(List<String> cells, long line);
}
