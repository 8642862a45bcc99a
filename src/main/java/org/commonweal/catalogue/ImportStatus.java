package org.commonweal.catalogue;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Where an import stands, for its status page.
 *
 * @param refusedLines every row that was not taken, by line number, with what to fix
 * @param failure why the whole import stopped (a restart interrupted it), null otherwise
 */
public record ImportStatus(UUID id, UUID accountId, @Nullable String organisation, String fileName, String kind,
                           String encoding, State state, int totalRows, int processedRows, int registered, int changed,
                           int unchanged, List<RefusedLine> refusedLines, @Nullable String failure, Instant startedAt,
                           @Nullable Instant finishedAt) {

    public enum State { RUNNING, DONE, FAILED }

    /** One refused row: its line in the file, the rule it broke (null if it could not be read at all), what to fix. */
    public record RefusedLine(int line, @Nullable CatalogueErrorCode code, String message) {
    }

    public boolean running() {
        return state == State.RUNNING;
    }

    public int percent() {
        return totalRows == 0 ? 100 : processedRows * 100 / totalRows;
    }
}
