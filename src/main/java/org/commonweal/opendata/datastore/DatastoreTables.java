package org.commonweal.opendata.datastore;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;

/**
 * The datastore's tables in PostgreSQL: the registry of which table holds a resource's rows, and
 * building a new table from COPY text. Table and column names are generated here, never taken
 * from a file or a query. Methods that change anything run in the caller's transaction.
 */
@Component
class DatastoreTables {

    static final String SCHEMA = "datastore";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Logger log = LoggerFactory.getLogger(DatastoreTables.class);

    /** A resource's current table: its quoted, schema-qualified name and what it holds. */
    record LoadedTable(String table, TableInfo info) {
    }

    private final JdbcClient jdbc;
    private final DataSource dataSource;

    DatastoreTables(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    Optional<LoadedTable> find(UUID resourceId) {
        return jdbc.sql("""
                        SELECT table_name, column_ids, column_labels, column_types, row_count, file_name, loaded_at
                        FROM datastore_table WHERE resource_id = ?""")
                .param(resourceId)
                .query((rs, row) -> new LoadedTable(qualified(rs.getString("table_name")),
                        new TableInfo(resourceId, columns(rs), rs.getLong("row_count"), rs.getString("file_name"),
                                rs.getTimestamp("loaded_at").toInstant())))
                .optional();
    }

    private static List<Column> columns(ResultSet rs) throws SQLException {
        String[] ids = (String[]) rs.getArray("column_ids").getArray();
        String[] labels = (String[]) rs.getArray("column_labels").getArray();
        String[] types = (String[]) rs.getArray("column_types").getArray();
        List<Column> columns = new ArrayList<>(ids.length);
        for (int i = 0; i < ids.length; i++) {
            columns.add(new Column(ids[i], labels[i], ColumnType.valueOf(types[i])));
        }
        return columns;
    }

    /**
     * Creates a new table for the resource, copies the rows in and indexes them; then, holding the
     * resource's lock, makes it current and drops the table it replaces. All in the caller's
     * transaction: a failure anywhere leaves the previous table as it was.
     *
     * @param indexed which columns get an index
     */
    void replace(UUID resourceId, List<Column> columns, boolean[] indexed, Path copyText, long rows, String fileName,
                 String sha256, Instant loadedAt) {
        String name = "t_" + resourceId.toString().replace("-", "") + "_" + HexFormat.of().formatHex(randomBytes());
        String table = qualified(name);
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET LOCAL maintenance_work_mem = '256MB'");
                statement.execute(createTable(table, columns));
            }
            long started = System.nanoTime();
            try (InputStream in = Files.newInputStream(copyText)) {
                connection.unwrap(PGConnection.class).getCopyAPI()
                        .copyIn("COPY " + table + " FROM STDIN (FORMAT text, FREEZE)", in, 256 * 1024);
            }
            long copied = System.nanoTime();
            try (Statement statement = connection.createStatement()) {
                statement.execute("ALTER TABLE " + table + " ADD PRIMARY KEY (_id)");
                for (int i = 0; i < columns.size(); i++) {
                    if (indexed[i]) {
                        statement.execute("CREATE INDEX ON " + table + " (c" + i + ")");
                    }
                }
                statement.execute("ANALYZE " + table);
            }
            log.info("Datastore table for resource {}: {} rows copied in {} ms, indexed and analysed in {} ms", resourceId, rows,
                    (copied - started) / 1_000_000, (System.nanoTime() - copied) / 1_000_000);
        } catch (SQLException e) {
            if (e.getSQLState() != null && e.getSQLState().startsWith("22")) {
                // a value PostgreSQL would not take for the inferred type; inference should prevent it
                throw DatastoreRefused.file(DatastoreErrorCode.VALUE_UNSTORABLE,
                        "A value in the file could not be stored: " + e.getMessage());
            }
            throw new IllegalStateException("Could not build the datastore table for " + resourceId + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        lock(resourceId);
        jdbc.sql("SELECT table_name FROM datastore_table WHERE resource_id = ?").param(resourceId)
                .query(String.class).optional()
                .ifPresent(old -> jdbc.sql("DROP TABLE IF EXISTS " + qualified(old)).update());
        jdbc.sql("""
                        INSERT INTO datastore_table (resource_id, table_name, column_ids, column_labels, column_types,
                                                     row_count, file_name, sha256, loaded_at)
                        VALUES (:resource, :table, :ids, :labels, :types, :rows, :file, :sha256, :at)
                        ON CONFLICT (resource_id) DO UPDATE SET table_name = excluded.table_name,
                            column_ids = excluded.column_ids, column_labels = excluded.column_labels,
                            column_types = excluded.column_types, row_count = excluded.row_count,
                            file_name = excluded.file_name, sha256 = excluded.sha256, loaded_at = excluded.loaded_at""")
                .param("resource", resourceId)
                .param("table", name)
                .param("ids", textArray(connection, columns.stream().map(Column::id).toList()))
                .param("labels", textArray(connection, columns.stream().map(Column::label).toList()))
                .param("types", textArray(connection, columns.stream().map(column -> column.type().name()).toList()))
                .param("rows", rows)
                .param("file", fileName)
                .param("sha256", sha256)
                .param("at", Timestamp.from(loadedAt))
                .update();
    }

    /** Removes the resource's table; false if it had none. In the caller's transaction. */
    boolean drop(UUID resourceId) {
        lock(resourceId);
        Optional<String> old = jdbc.sql("DELETE FROM datastore_table WHERE resource_id = ? RETURNING table_name")
                .param(resourceId).query(String.class).optional();
        old.ifPresent(name -> jdbc.sql("DROP TABLE IF EXISTS " + qualified(name)).update());
        return old.isPresent();
    }

    /** One load or drop per resource at a time commits; the other waits, then replaces it. */
    private void lock(UUID resourceId) {
        jdbc.sql("SELECT pg_advisory_xact_lock(?)")
                .param(resourceId.getMostSignificantBits() ^ resourceId.getLeastSignificantBits() ^ 0x64617461L)
                .query((rs, row) -> 1).list();
    }

    private static String createTable(String table, List<Column> columns) {
        StringBuilder sql = new StringBuilder("CREATE TABLE ").append(table).append(" (_id bigint NOT NULL");
        for (int i = 0; i < columns.size(); i++) {
            sql.append(", c").append(i).append(' ').append(switch (columns.get(i).type()) {
                case INTEGER -> "bigint";
                case DECIMAL -> "numeric";
                case DATE -> "date";
                // byte order: fast to index and sort, and the same on every server whatever its locale
                case TEXT -> "text COLLATE \"C\"";
            });
        }
        return sql.append(")").toString();
    }

    static String qualified(String name) {
        if (!name.matches("t_[0-9a-f]{32}_[0-9a-f]{8}")) {
            throw new IllegalArgumentException("Not a datastore table name: " + name);
        }
        return SCHEMA + ".\"" + name + "\"";
    }

    private static Array textArray(Connection connection, List<String> values) {
        try {
            return connection.createArrayOf("text", values.toArray());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[4];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    static boolean tableVanished(@Nullable Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && "42P01".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
