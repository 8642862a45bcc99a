package org.commonweal.opendata.datastore;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * A successful load.
 *
 * @param format {@code csv} or {@code xlsx}
 * @param encoding the character encoding a CSV was read in ({@code UTF-8}, {@code GB18030}, ...); {@code null} for xlsx
 * @param sha256 hex digest of the file as received, also written to the ledger
 */
public record LoadReport(UUID resourceId, long rows, List<Column> columns, String format,
                         @org.jspecify.annotations.Nullable String encoding, String sha256, Duration took) {

    public LoadReport {
        columns = List.copyOf(columns);
    }
}
