package org.commonweal.opendata.datastore;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.commonweal.ledger.Evidence;
import org.commonweal.ledger.Ledger;
import org.commonweal.opendata.datastore.DatastoreTables.LoadedTable;
import org.commonweal.opendata.datastore.load.CsvReader;
import org.commonweal.opendata.datastore.load.TableBuilder;
import org.commonweal.opendata.datastore.load.TextEncoding;
import org.commonweal.opendata.datastore.load.XlsxReader;
import org.commonweal.opendata.datastore.query.QueryPlan;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads CSV and Excel resources into tables of their own and answers queries over them.
 * A load reads the file once, checking it and inferring column types, into a spool file; then
 * one transaction creates a new table, COPYs the rows in, indexes them, makes the table current
 * and records the load in the ledger. Readers see the old table until that commit and the new one
 * after; a refused or failed load leaves the old one untouched.
 */
@Service
public class Datastore {

    private static final Logger log = LoggerFactory.getLogger(Datastore.class);
    private static final int PREVIEW_MAX_ROWS = 100;
    private static final int COUNTS_REMEMBERED = 10_000;

    private final DatastoreTables tables;
    private final DatastoreSettings settings;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final TransactionTemplate readOnly;
    private final Ledger ledger;
    private final Clock clock;
    private final Map<CountKey, Long> counts = java.util.Collections.synchronizedMap(new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<CountKey, Long> eldest) {
            return size() > COUNTS_REMEMBERED;
        }
    });

    Datastore(DatastoreTables tables, DatastoreSettings settings, JdbcTemplate jdbc, PlatformTransactionManager transactionManager,
              Ledger ledger, Clock clock) {
        this.tables = tables;
        this.settings = settings;
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.readOnly = new TransactionTemplate(transactionManager);
        this.readOnly.setReadOnly(true);
        this.ledger = ledger;
        this.clock = clock;
        // POI's zip-bomb guards are process-wide settings
        ZipSecureFile.setMinInflateRatio(settings.xlsxMinInflateRatio());
        ZipSecureFile.setMaxEntrySize(settings.xlsxMaxEntrySize().toBytes());
    }

    /**
     * Loads a whole file as the resource's table, replacing any previous load atomically; refuses
     * a bad file with the reason and the line, leaving the previous table untouched (never half-loaded).
     *
     * @param fileName its extension, {@code .csv} or {@code .xlsx}, decides how the file is read
     */
    public LoadReport load(UUID resourceId, InputStream content, String fileName, LoadProgress progress) throws DatastoreRefused {
        long started = System.nanoTime();
        String format = format(fileName);
        Path work = createWorkDirectory();
        try {
            Path original = work.resolve("original");
            String sha256 = spool(content, original);
            Path copyText = work.resolve("copy.txt");
            String encoding = null;
            TableBuilder builder = new TableBuilder(copyText, settings.maxColumns(), progress);
            try (builder) {
                if (format.equals("csv")) {
                    TextEncoding.Detected detected = TextEncoding.detect(original);
                    encoding = detected.charset().name();
                    readCsv(original, detected, builder);
                } else {
                    XlsxReader.read(original, settings.maxFieldLength(), builder);
                }
            }
            if (!builder.hasHeader()) {
                throw DatastoreRefused.file(DatastoreErrorCode.FILE_EMPTY, "The file has no rows: it needs a header row naming the columns.");
            }
            log.info("Datastore load for resource {}: {} rows read and checked in {} ms", resourceId, builder.rows(),
                    (System.nanoTime() - started) / 1_000_000);
            List<Column> columns = builder.columns();
            boolean[] indexed = indexed(columns, builder.longest());
            long rows = builder.rows();
            transactions.executeWithoutResult(status -> {
                tables.replace(resourceId, columns, indexed, copyText, rows, safeFileName(fileName), sha256, clock.instant());
                ledger.record(new Evidence("opendata.datastore_loaded", resourceId.toString(), "system",
                        Map.of("rows", rows, "columns", (long) columns.size(), "format", format, "sha256", sha256)));
            });
            progress.rowsLoaded(rows);
            return new LoadReport(resourceId, rows, columns, format, encoding, sha256, Duration.ofNanos(System.nanoTime() - started));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteQuietly(work);
        }
    }

    /** Columns, row count and when it was loaded; empty if the resource has no table. */
    public Optional<TableInfo> info(UUID resourceId) {
        return tables.find(resourceId).map(LoadedTable::info);
    }

    /** One page of rows matching the query; refuses unknown columns and values of the wrong type. */
    public Page query(UUID resourceId, DatastoreQuery query) {
        // one transaction: the table is locked from the first read, so rows and total come from the same load
        return retryingIfReplaced(() -> readOnly.execute(status -> {
            LoadedTable table = tables.find(resourceId).orElseThrow(() -> DatastoreRefused.notLoaded(resourceId));
            int limit = Math.min(query.limit(), DatastoreQuery.MAX_LIMIT);
            checkPaging(limit, query.offset());
            QueryPlan plan = new QueryPlan(table.table(), table.info().columns(), query);
            Object[] parameters = plan.parameters().toArray();
            List<Map<String, @Nullable Object>> records = jdbc.query(plan.selectSql(limit, query.offset(), true),
                    (rs, row) -> record(plan.fields(), rs), parameters);
            Long total = null;
            if (query.includeTotal()) {
                total = plan.filtered() ? count(table, plan) : table.info().rowCount();
            }
            return new Page(plan.fields(), records, total, limit, query.offset());
        }));
    }

    /**
     * Streams every row matching the query (its limit applies only if below {@link Integer#MAX_VALUE})
     * to the sink as it is read from the database, in constant memory.
     */
    public void export(UUID resourceId, DatastoreQuery query, ExportSink sink) throws IOException {
        checkPaging(query.limit(), query.offset());
        try {
            retryingIfReplaced(() -> readOnly.execute(status -> {
                LoadedTable table = tables.find(resourceId).orElseThrow(() -> DatastoreRefused.notLoaded(resourceId));
                QueryPlan plan = new QueryPlan(table.table(), table.info().columns(), query);
                // hold the table before writing anything, so a reload cannot drop it mid-export
                jdbc.execute("LOCK TABLE " + table.table() + " IN ACCESS SHARE MODE");
                stream(plan, query, sink);
                return null;
            }));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private void stream(QueryPlan plan, DatastoreQuery query, ExportSink sink) {
        List<Column> fields = plan.fields();
        try {
            sink.start(fields);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        jdbc.query(connection -> {
            PreparedStatement statement = connection.prepareStatement(
                    plan.selectSql(query.limit(), query.offset(), query.limit() < Integer.MAX_VALUE));
            statement.setFetchSize(2000);
            List<Object> parameters = plan.parameters();
            for (int i = 0; i < parameters.size(); i++) {
                statement.setObject(i + 1, parameters.get(i));
            }
            return statement;
        }, rs -> {
            List<@Nullable Object> values = new ArrayList<>(fields.size());
            for (int i = 0; i < fields.size(); i++) {
                values.add(value(fields.get(i), rs, i + 1));
            }
            try {
                sink.row(values);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /**
     * How many rows match a filter. A loaded table never changes (a reload makes a new table with a new
     * name), so a count stays true for as long as the table exists and is remembered: clients paging
     * through a filtered result, or many asking for the same popular filter, count once.
     */
    private long count(LoadedTable table, QueryPlan plan) {
        CountKey key = new CountKey(table.table(), plan.countSql(), plan.parameters());
        Long known = counts.get(key);
        if (known != null) {
            return known;
        }
        Long counted = jdbc.queryForObject(plan.countSql(), Long.class, plan.parameters().toArray());
        long total = counted == null ? 0 : counted;
        counts.put(key, total);
        return total;
    }

    private record CountKey(String table, String sql, List<Object> parameters) {
    }

    /** Columns, the first rows as display text, and a chart if there is a category and a number to plot. */
    public Preview preview(UUID resourceId, int rows) {
        return retryingIfReplaced(() -> readOnly.execute(status -> {
            LoadedTable table = tables.find(resourceId).orElseThrow(() -> DatastoreRefused.notLoaded(resourceId));
            List<Column> columns = table.info().columns();
            DatastoreQuery first = DatastoreQuery.all().withPage(Math.clamp(rows, 0, PREVIEW_MAX_ROWS), 0)
                    .withFields(columns.stream().map(Column::id).toList());
            QueryPlan plan = new QueryPlan(table.table(), columns, first);
            List<List<String>> cells = jdbc.query(plan.selectSql(first.limit(), 0, true), (rs, row) -> {
                List<String> line = new ArrayList<>(columns.size());
                for (int i = 0; i < columns.size(); i++) {
                    Object value = value(columns.get(i), rs, i + 1);
                    line.add(value == null ? "" : value instanceof BigDecimal number ? number.toPlainString() : value.toString());
                }
                return line;
            });
            return new Preview(columns, cells, table.info().rowCount(), PreviewChart.of(table, jdbc));
        }));
    }

    /** Removes the resource's table, if it has one. */
    public void drop(UUID resourceId) {
        transactions.executeWithoutResult(status -> {
            if (tables.drop(resourceId)) {
                ledger.record(Evidence.of("opendata.datastore_dropped", resourceId.toString(), "system"));
            }
        });
    }

    private static void checkPaging(int limit, long offset) {
        if (limit < 0) {
            throw DatastoreRefused.parameter(DatastoreErrorCode.PARAMETER_INVALID, "limit", "Must be a natural number");
        }
        if (offset < 0) {
            throw DatastoreRefused.parameter(DatastoreErrorCode.PARAMETER_INVALID, "offset", "Must be a natural number");
        }
    }

    private static Map<String, @Nullable Object> record(List<Column> fields, ResultSet rs) throws SQLException {
        Map<String, @Nullable Object> record = new LinkedHashMap<>();
        for (int i = 0; i < fields.size(); i++) {
            record.put(fields.get(i).id(), value(fields.get(i), rs, i + 1));
        }
        return record;
    }

    private static @Nullable Object value(Column column, ResultSet rs, int index) throws SQLException {
        Object value = switch (column.type()) {
            case INTEGER -> rs.getLong(index);
            case DECIMAL -> rs.getBigDecimal(index);
            case DATE -> rs.getObject(index, LocalDate.class);
            case TEXT -> rs.getString(index);
        };
        return rs.wasNull() ? null : value;
    }

    /** A query that read the registry just before a reload dropped the old table tries again with the new one. */
    private <T> T retryingIfReplaced(Supplier<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return work.get();
            } catch (DataAccessException e) {
                if (attempt >= 3 || !DatastoreTables.tableVanished(e)) {
                    throw e;
                }
            }
        }
    }

    private void readCsv(Path file, TextEncoding.Detected detected, TableBuilder builder) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            in.skipNBytes(detected.bomLength());
            var decoder = detected.charset().newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
            CsvReader.read(new BufferedReader(new InputStreamReader(in, decoder), 256 * 1024), settings.maxFieldLength(), builder);
        } catch (java.nio.charset.CharacterCodingException e) {
            throw DatastoreRefused.file(DatastoreErrorCode.ENCODING_UNREADABLE,
                    "The file is not valid " + detected.charset().name() + " text. Save it from your spreadsheet as \"CSV UTF-8\".");
        }
    }

    private static String format(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT).strip();
        if (lower.endsWith(".csv")) {
            return "csv";
        }
        if (lower.endsWith(".xlsx")) {
            return "xlsx";
        }
        if (lower.endsWith(".xls")) {
            throw DatastoreRefused.file(DatastoreErrorCode.FORMAT_UNSUPPORTED,
                    "Old Excel .xls files are not read: save the workbook as .xlsx or as CSV UTF-8.");
        }
        throw DatastoreRefused.file(DatastoreErrorCode.FORMAT_UNSUPPORTED,
                "Only .csv and .xlsx files can be loaded into the datastore.");
    }

    /** Copies the upload to disk, within the size limit, computing its SHA-256 on the way. */
    private String spool(InputStream content, Path target) throws IOException {
        MessageDigest sha256 = sha256();
        long max = settings.maxFileSize().toBytes();
        long size = 0;
        try (InputStream in = new DigestInputStream(content, sha256); OutputStream out = Files.newOutputStream(target)) {
            byte[] buffer = new byte[256 * 1024];
            for (int read; (read = in.read(buffer)) >= 0; ) {
                size += read;
                if (size > max) {
                    throw DatastoreRefused.file(DatastoreErrorCode.FILE_TOO_LARGE,
                            "The file is larger than " + settings.maxFileSize().toMegabytes() + " MB, the most the datastore loads.");
                }
                out.write(buffer, 0, read);
            }
        }
        if (size == 0) {
            throw DatastoreRefused.file(DatastoreErrorCode.FILE_EMPTY, "The file is empty.");
        }
        return HexFormat.of().formatHex(sha256.digest());
    }

    /** Text and dates get an index unless their values are too long for a b-tree; numbers always do. */
    private boolean[] indexed(List<Column> columns, int[] longest) {
        boolean[] indexed = new boolean[columns.size()];
        for (int i = 0; i < columns.size(); i++) {
            indexed[i] = columns.get(i).type() != ColumnType.TEXT || longest[i] <= settings.indexMaxTextLength();
        }
        return indexed;
    }

    private static String safeFileName(String fileName) {
        String name = fileName.replaceAll("[\\p{Cntrl}]", "").strip();
        return name.length() > 255 ? name.substring(name.length() - 255) : name;
    }

    private Path createWorkDirectory() {
        try {
            Files.createDirectories(settings.workPath());
            return Files.createTempDirectory(settings.workPath(), "datastore-load-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteQuietly(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a leftover temporary file is harmless; the load's outcome stands
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }
}
