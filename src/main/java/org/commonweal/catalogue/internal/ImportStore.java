package org.commonweal.catalogue.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.commonweal.catalogue.CatalogueErrorCode;
import org.commonweal.catalogue.ImportStatus;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Imports' progress and refused lines, so a status page can be reloaded on any node. */
@Repository
public class ImportStore {

    private final JdbcClient jdbc;

    ImportStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void start(UUID id, UUID accountId, @Nullable String organisation, String fileName, ParsedFile file,
                      String fileDigest, Instant now) {
        jdbc.sql("INSERT INTO catalogue_import (id, account_id, organisation, file_name, file_kind, encoding, file_digest,"
                        + " status, total_rows, started_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'RUNNING', ?, ?)")
                .params(id, accountId, organisation, fileName, file.kind(), file.encoding(), fileDigest, file.total(),
                        Timestamp.from(now))
                .update();
    }

    public void refuse(UUID id, int line, @Nullable CatalogueErrorCode code, String message) {
        jdbc.sql("INSERT INTO catalogue_import_error (import_id, line_number, code, message) VALUES (?, ?, ?, ?)"
                        + " ON CONFLICT (import_id, line_number) DO NOTHING")
                .params(id, line, code == null ? null : code.name(), message.length() > 2000 ? message.substring(0, 2000) : message)
                .update();
    }

    public void progress(UUID id, int processed, int registered, int changed, int unchanged) {
        jdbc.sql("UPDATE catalogue_import SET processed_rows = ?, registered = ?, changed = ?, unchanged = ? WHERE id = ?")
                .params(processed, registered, changed, unchanged, id).update();
    }

    public void finish(UUID id, Instant now) {
        jdbc.sql("UPDATE catalogue_import SET status = 'DONE', processed_rows = total_rows, finished_at = ? WHERE id = ?")
                .params(Timestamp.from(now), id).update();
    }

    public void fail(UUID id, String failure, Instant now) {
        jdbc.sql("UPDATE catalogue_import SET status = 'FAILED', failure = ?, finished_at = ? WHERE id = ?")
                .params(failure, Timestamp.from(now), id).update();
    }

    /** Imports that were running when the application stopped cannot go on: say so on their pages. */
    public int failInterrupted(Instant now) {
        return jdbc.sql("UPDATE catalogue_import SET status = 'FAILED', failure = 'interrupted', finished_at = ?"
                + " WHERE status = 'RUNNING'").param(Timestamp.from(now)).update();
    }

    public Optional<ImportStatus> find(UUID id) {
        List<ImportStatus.RefusedLine> refused = jdbc.sql("SELECT line_number, code, message FROM catalogue_import_error"
                        + " WHERE import_id = ? ORDER BY line_number").param(id)
                .query((rs, n) -> new ImportStatus.RefusedLine(rs.getInt(1),
                        rs.getString(2) == null ? null : CatalogueErrorCode.valueOf(rs.getString(2)), rs.getString(3)))
                .list();
        return jdbc.sql("SELECT * FROM catalogue_import WHERE id = ?").param(id)
                .query((rs, n) -> status(rs, refused)).optional();
    }

    private static ImportStatus status(ResultSet rs, List<ImportStatus.RefusedLine> refused) throws SQLException {
        Timestamp finished = rs.getTimestamp("finished_at");
        return new ImportStatus(rs.getObject("id", UUID.class), rs.getObject("account_id", UUID.class),
                rs.getString("organisation"), rs.getString("file_name"), rs.getString("file_kind"),
                rs.getString("encoding"), ImportStatus.State.valueOf(rs.getString("status")), rs.getInt("total_rows"),
                rs.getInt("processed_rows"), rs.getInt("registered"), rs.getInt("changed"), rs.getInt("unchanged"),
                refused, rs.getString("failure"), rs.getTimestamp("started_at").toInstant(),
                finished == null ? null : finished.toInstant());
    }
}
