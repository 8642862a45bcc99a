package org.commonweal.opendata.datastore;

/**
 * A column of a loaded table.
 *
 * @param id the name used in queries: the header cleaned up (no control characters, quotes or
 *           spaces, at most 63 bytes) and made unique
 * @param label the header exactly as the file had it, for display
 * @param type inferred from the values
 */
public record Column(String id, String label, ColumnType type) {
}
