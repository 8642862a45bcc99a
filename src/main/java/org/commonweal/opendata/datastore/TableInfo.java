package org.commonweal.opendata.datastore;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** What is loaded for a resource: its columns in file order, how many rows, from which file, when. */
public record TableInfo(UUID resourceId, List<Column> columns, long rowCount, String fileName, Instant loadedAt) {

    public TableInfo {
        columns = List.copyOf(columns);
    }

    public Optional<Column> column(String id) {
        return columns.stream().filter(column -> column.id().equals(id)).findFirst();
    }
}
