package org.commonweal.opendata.datastore;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import org.commonweal.opendata.datastore.load.TextEncoding;
import org.commonweal.support.CommonwealIntegrationTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.commonweal.opendata.datastore.TestFiles.bytes;
import static org.commonweal.opendata.datastore.TestFiles.utf8;

/** Loading files into the datastore on a real PostgreSQL: what is kept, what is refused, and that a refusal changes nothing. */
@CommonwealIntegrationTest
@Import(OpenResourcesForTests.class)
class DatastoreLoadIntegrationTest {

    @Autowired
    Datastore datastore;
    @Autowired
    JdbcClient jdbc;

    private UUID load(String csv) {
        UUID id = UUID.randomUUID();
        datastore.load(id, utf8(csv), "data.csv", LoadProgress.NONE);
        return id;
    }

    private DatastoreRefused refusal(byte[] content, String fileName) {
        UUID id = UUID.randomUUID();
        try {
            datastore.load(id, bytes(content), fileName, LoadProgress.NONE);
        } catch (DatastoreRefused refused) {
            assertThat(datastore.info(id)).as("nothing is stored for a refused file").isEmpty();
            return refused;
        }
        throw new AssertionError("the file was loaded, but should have been refused");
    }

    private DatastoreRefused refusal(String csv) {
        return refusal(csv.getBytes(StandardCharsets.UTF_8), "data.csv");
    }

    @Nested
    class Csv {

        @Test
        void infersEachColumnsTypeAndKeepsEveryValue() {
            UUID id = load("编号,区,金额,日期,邮编,备注\n"
                    + "1,东城,10,2026-01-05,007,第一行\n"
                    + "2,西城,20.50,2026-02-29x,010,\n"
                    + "3,东城,-3,2026-03-01,100,\"含,逗号与\"\"引号\"\n");
            TableInfo info = datastore.info(id).orElseThrow();
            assertThat(info.rowCount()).isEqualTo(3);
            assertThat(info.columns()).extracting(Column::type).containsExactly(ColumnType.INTEGER, ColumnType.TEXT,
                    ColumnType.DECIMAL, ColumnType.TEXT, ColumnType.TEXT, ColumnType.TEXT);
            Page page = datastore.query(id, DatastoreQuery.all());
            assertThat(page.records()).hasSize(3);
            Map<String, Object> third = page.records().get(2);
            assertThat(third).containsEntry("_id", 3L).containsEntry("编号", 3L).containsEntry("邮编", "100")
                    .containsEntry("备注", "含,逗号与\"引号");
            assertThat(page.records().get(0)).containsEntry("邮编", "007");
            assertThat(page.records().get(1)).containsEntry("金额", new java.math.BigDecimal("20.50")).containsEntry("备注", null);
        }

        @Test
        void readsIsoDatesAsDates() {
            UUID id = load("day,count\n2026-01-05,1\n2025-12-31,2\n,3\n");
            assertThat(datastore.info(id).orElseThrow().columns().getFirst().type()).isEqualTo(ColumnType.DATE);
            assertThat(datastore.query(id, DatastoreQuery.all()).records().getFirst()).containsEntry("day", LocalDate.of(2026, 1, 5));
        }

        @Test
        void readsGbkFilesFromChineseExcel() {
            UUID id = UUID.randomUUID();
            LoadReport report = datastore.load(id, TestFiles.encoded("名称,数量\n苹果,3\n橘子,5\n", TextEncoding.GB18030),
                    "水果.csv", LoadProgress.NONE);
            assertThat(report.encoding()).isEqualTo("GB18030");
            assertThat(datastore.info(id).orElseThrow().columns()).extracting(Column::id).containsExactly("名称", "数量");
            assertThat(datastore.query(id, DatastoreQuery.all()).records()).extracting(r -> r.get("名称")).containsExactly("苹果", "橘子");
        }

        @Test
        void skipsTheByteOrderMarkExcelWrites() {
            byte[] text = "名称,数量\n苹果,3\n".getBytes(StandardCharsets.UTF_8);
            byte[] withBom = new byte[text.length + 3];
            withBom[0] = (byte) 0xEF;
            withBom[1] = (byte) 0xBB;
            withBom[2] = (byte) 0xBF;
            System.arraycopy(text, 0, withBom, 3, text.length);
            UUID id = UUID.randomUUID();
            LoadReport report = datastore.load(id, bytes(withBom), "a.csv", LoadProgress.NONE);
            assertThat(report.encoding()).isEqualTo("UTF-8");
            assertThat(datastore.info(id).orElseThrow().columns().getFirst().id()).isEqualTo("名称");
            assertThat(datastore.info(id).orElseThrow().columns().getFirst().label()).isEqualTo("名称");
        }

        @Test
        void loadsAHeaderWithoutRowsAsAnEmptyTable() {
            UUID id = load("名称,数量\n");
            assertThat(datastore.info(id).orElseThrow().rowCount()).isZero();
            assertThat(datastore.query(id, DatastoreQuery.all()).total()).isZero();
        }

        @Test
        void makesBlankAndRepeatedHeadersUniqueAndKeepsTheLabels() {
            UUID id = load("name,Name,,name, spaced  label ,_id\n1,2,3,4,5,6\n");
            assertThat(datastore.info(id).orElseThrow().columns()).extracting(Column::id)
                    .containsExactly("name", "Name_2", "column_3", "name_3", "spaced_label", "id");
            assertThat(datastore.info(id).orElseThrow().columns()).extracting(Column::label)
                    .containsExactly("name", "Name", "", "name", " spaced  label ", "_id");
        }

        @Test
        void keepsSqlInHeadersAndCellsAsPlainText() {
            UUID id = load("name; DROP TABLE datastore_table; --,\"x\"\"y\"\n'); DELETE FROM datastore_table; --,1\n");
            TableInfo info = datastore.info(id).orElseThrow();
            assertThat(info.columns().getFirst().id()).isEqualTo("name;_DROP_TABLE_datastore_table;_--");
            assertThat(datastore.query(id, DatastoreQuery.all()).records().getFirst())
                    .containsEntry("name;_DROP_TABLE_datastore_table;_--", "'); DELETE FROM datastore_table; --");
            assertThat(jdbc.sql("SELECT count(*) FROM datastore_table").query(Long.class).single()).isPositive();
        }

        @Test
        void storesFormulasAsText() {
            UUID id = load("cell\n=1+2\n@SUM(A1)\n");
            assertThat(datastore.query(id, DatastoreQuery.all()).records()).extracting(r -> r.get("cell"))
                    .containsExactly("=1+2", "@SUM(A1)");
        }

        @Test
        void readsQuotedLineBreaksAndCrLfLineEnds() {
            UUID id = load("a,b\r\n\"line one\r\nline two\",2\r\n\r\n3,4\r\n");
            assertThat(datastore.query(id, DatastoreQuery.all()).records()).extracting(r -> r.get("a"))
                    .containsExactly("line one\r\nline two", "3");
        }

        @Test
        void reportsProgressAndTheRowCount() {
            StringBuilder csv = new StringBuilder("n\n");
            for (int i = 0; i < 25_000; i++) {
                csv.append(i).append('\n');
            }
            List<Long> told = new ArrayList<>();
            LoadReport report = datastore.load(UUID.randomUUID(), utf8(csv.toString()), "n.csv", told::add);
            assertThat(report.rows()).isEqualTo(25_000);
            assertThat(told).contains(10_000L, 20_000L, 25_000L);
            assertThat(report.sha256()).hasSize(64);
        }
    }

    @Nested
    class BadCsv {

        @Test
        void refusesAnEmptyFile() {
            assertThat(refusal(new byte[0], "a.csv").code()).isEqualTo(DatastoreErrorCode.FILE_EMPTY);
            assertThat(refusal("\n\n\r\n").code()).isEqualTo(DatastoreErrorCode.FILE_EMPTY);
        }

        @Test
        void refusesRaggedRowsNamingTheLine() {
            DatastoreRefused refused = refusal("a,b\n1,2\n\"multi\nline\",3\n4\n5,6\n");
            assertThat(refused.code()).isEqualTo(DatastoreErrorCode.ROW_WIDTH_MISMATCH);
            assertThat(refused.line()).isEqualTo(5);
            assertThat(refused.getMessage()).startsWith("Line 5:").contains("1 fields").contains("header has 2");
            assertThat(refusal("a,b\n1,2,3\n").line()).isEqualTo(2);
        }

        @Test
        void refusesAHugeFieldNamingTheLine() {
            DatastoreRefused refused = refusal("a,b\n1,2\n3," + "x".repeat(40_000) + "\n");
            assertThat(refused.code()).isEqualTo(DatastoreErrorCode.FIELD_TOO_LONG);
            assertThat(refused.line()).isEqualTo(3);
        }

        @Test
        void refusesAnUnclosedQuoteNamingWhereItOpened() {
            DatastoreRefused refused = refusal("a,b\n1,2\n3,\"never closed\n4,5\n");
            assertThat(refused.code()).isEqualTo(DatastoreErrorCode.QUOTE_MALFORMED);
            assertThat(refused.line()).isEqualTo(3);
            assertThat(refusal("a,b\n\"x\"y,2\n").code()).isEqualTo(DatastoreErrorCode.QUOTE_MALFORMED);
        }

        @Test
        void refusesBinaryGarbage() {
            byte[] garbage = new byte[50_000];
            new Random(7).nextBytes(garbage);
            assertThat(refusal(garbage, "photo.csv").code()).isEqualTo(DatastoreErrorCode.NOT_TEXT);
            byte[] highBytes = new byte[50_000];
            new Random(8).nextBytes(highBytes);
            for (int i = 0; i < highBytes.length; i++) {
                highBytes[i] = (byte) (highBytes[i] | 0x80);
            }
            DatastoreRefused unreadable = refusal(highBytes, "noise.csv");
            assertThat(unreadable.code()).isEqualTo(DatastoreErrorCode.ENCODING_UNREADABLE);
            assertThat(unreadable.getMessage()).contains("UTF-8");
        }

        @Test
        void refusesMoreColumnsThanATableMayHave() {
            String header = String.join(",", java.util.stream.IntStream.range(0, 501).mapToObj(i -> "c" + i).toList());
            DatastoreRefused refused = refusal(header + "\n");
            assertThat(refused.code()).isEqualTo(DatastoreErrorCode.TOO_MANY_COLUMNS);
            assertThat(refused.line()).isEqualTo(1);
        }

        @Test
        void refusesAHeaderOfBlanks() {
            assertThat(refusal(" , ,\n1,2,3\n").code()).isEqualTo(DatastoreErrorCode.HEADER_MISSING);
        }

        @Test
        void refusesOtherFormats() {
            assertThat(refusal("a,b".getBytes(StandardCharsets.UTF_8), "data.txt").code()).isEqualTo(DatastoreErrorCode.FORMAT_UNSUPPORTED);
            assertThat(refusal("a,b".getBytes(StandardCharsets.UTF_8), "old.xls").getMessage()).contains(".xlsx");
        }
    }

    @Nested
    class Excel {

        @Test
        void readsTheFirstSheetWithTypedNumbersAndDates() {
            UUID id = UUID.randomUUID();
            byte[] workbook = TestFiles.workbook(
                    new Object[]{"区", "金额", "日期", "编号"},
                    new Object[]{"东城", 1234.5, LocalDate.of(2026, 3, 1), "007"},
                    new Object[]{},
                    new Object[]{"西城", 2000, LocalDate.of(2026, 3, 2), null});
            LoadReport report = datastore.load(id, bytes(workbook), "数据.xlsx", LoadProgress.NONE);
            assertThat(report.format()).isEqualTo("xlsx");
            assertThat(report.rows()).isEqualTo(2);
            assertThat(datastore.info(id).orElseThrow().columns()).extracting(Column::type)
                    .containsExactly(ColumnType.TEXT, ColumnType.DECIMAL, ColumnType.DATE, ColumnType.TEXT);
            List<Map<String, Object>> records = datastore.query(id, DatastoreQuery.all()).records();
            assertThat(records.get(0)).containsEntry("金额", new java.math.BigDecimal("1234.5"))
                    .containsEntry("日期", LocalDate.of(2026, 3, 1)).containsEntry("编号", "007");
            assertThat(records.get(1)).containsEntry("金额", new java.math.BigDecimal("2000")).containsEntry("编号", null);
        }

        @Test
        void refusesAValueRightOfTheHeader() {
            byte[] workbook = TestFiles.workbook(new Object[]{"a", "b"}, new Object[]{"1", "2", "stray"});
            DatastoreRefused refused = refusal(workbook, "a.xlsx");
            assertThat(refused.code()).isEqualTo(DatastoreErrorCode.ROW_WIDTH_MISMATCH);
            assertThat(refused.line()).isEqualTo(2);
            assertThat(refused.getMessage()).contains("C2");
        }

        @Test
        void refusesAZipBomb() {
            byte[] bomb = TestFiles.zipBomb(200);
            assertThat(bomb.length).isLessThan(2_000_000);
            assertThat(refusal(bomb, "bomb.xlsx").code()).isEqualTo(DatastoreErrorCode.WORKBOOK_SUSPICIOUS);
        }

        @Test
        void refusesAFakeWorkbook() {
            assertThat(refusal("a,b\n1,2\n".getBytes(StandardCharsets.UTF_8), "fake.xlsx").code())
                    .isEqualTo(DatastoreErrorCode.NOT_A_WORKBOOK);
            assertThat(refusal(TestFiles.plainZip(), "archive.xlsx").code()).isEqualTo(DatastoreErrorCode.NOT_A_WORKBOOK);
            byte[] truncated = TestFiles.workbook(new Object[]{"a"}, new Object[]{"1"});
            assertThat(refusal(java.util.Arrays.copyOf(truncated, truncated.length / 2), "cut.xlsx").code())
                    .isEqualTo(DatastoreErrorCode.NOT_A_WORKBOOK);
        }
    }

    @Nested
    class Replacing {

        @Test
        void aRefusedReloadLeavesThePreviousTableQueryable() {
            UUID id = load("version,n\nold,1\nold,2\n");
            TableInfo before = datastore.info(id).orElseThrow();
            StringBuilder bad = new StringBuilder("version,n\n");
            for (int i = 0; i < 5_000; i++) {
                bad.append("new,").append(i).append('\n');
            }
            bad.append("new,1,extra\n");
            assertThatThrownBy(() -> datastore.load(id, utf8(bad.toString()), "data.csv", LoadProgress.NONE))
                    .isInstanceOf(DatastoreRefused.class);
            assertThat(datastore.info(id)).contains(before);
            assertThat(datastore.query(id, DatastoreQuery.all()).records()).extracting(r -> r.get("version"))
                    .containsOnly("old").hasSize(2);
        }

        @Test
        void aReloadReplacesColumnsAndRowsAndDropsTheOldTable() {
            UUID id = load("a\n1\n");
            datastore.load(id, utf8("b,c\nx,y\nz,w\n"), "again.csv", LoadProgress.NONE);
            assertThat(datastore.info(id).orElseThrow().columns()).extracting(Column::id).containsExactly("b", "c");
            assertThat(datastore.query(id, DatastoreQuery.all()).total()).isEqualTo(2);
            assertThat(tablesOf(id)).hasSize(1);
        }

        @Test
        void twoLoadsOfOneResourceAtOnceLeaveOneWholeTable() throws Exception {
            UUID id = UUID.randomUUID();
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                Future<LoadReport> first = pool.submit(() -> datastore.load(id, utf8(version("first", 2_000)), "a.csv", LoadProgress.NONE));
                Future<LoadReport> second = pool.submit(() -> datastore.load(id, utf8(version("second", 3_000)), "b.csv", LoadProgress.NONE));
                first.get();
                second.get();
            } finally {
                pool.shutdownNow();
            }
            Page page = datastore.query(id, DatastoreQuery.all().withPage(5_000, 0));
            assertThat(page.total()).isIn(2_000L, 3_000L);
            String winner = page.total() == 2_000 ? "first" : "second";
            assertThat(page.records()).allSatisfy(record -> assertThat(record).containsEntry("version", winner));
            assertThat(tablesOf(id)).hasSize(1);
        }

        @Test
        void countsAReloadedTableAfresh() {
            UUID id = load("k\na\na\nb\n");
            DatastoreQuery onlyA = DatastoreQuery.all().withFilters(List.of(new DatastoreQuery.Equals("k", List.of("a"))));
            assertThat(datastore.query(id, onlyA).total()).isEqualTo(2);
            datastore.load(id, utf8("k\na\nb\n"), "again.csv", LoadProgress.NONE);
            assertThat(datastore.query(id, onlyA).total()).isEqualTo(1);
        }

        @Test
        void dropRemovesTheTable() {
            UUID id = load("a\n1\n");
            datastore.drop(id);
            assertThat(datastore.info(id)).isEmpty();
            assertThat(tablesOf(id)).isEmpty();
            assertThatThrownBy(() -> datastore.query(id, DatastoreQuery.all()))
                    .isInstanceOfSatisfying(DatastoreRefused.class, e -> assertThat(e.code()).isEqualTo(DatastoreErrorCode.RESOURCE_NOT_LOADED));
        }

        @Test
        void queriesDuringReloadsSeeOneWholeVersionOrTheOther() throws Exception {
            UUID id = UUID.randomUUID();
            String small = version("small", 1_000);
            String large = version("large", 3_000);
            datastore.load(id, utf8(small), "v.csv", LoadProgress.NONE);
            AtomicBoolean loading = new AtomicBoolean(true);
            Set<Long> totalsSeen = ConcurrentHashMap.newKeySet();
            ExecutorService pool = Executors.newFixedThreadPool(3);
            try {
                Future<?> loader = pool.submit(() -> {
                    for (int i = 0; i < 6; i++) {
                        datastore.load(id, utf8(i % 2 == 0 ? large : small), "v.csv", LoadProgress.NONE);
                    }
                    loading.set(false);
                    return null;
                });
                List<Future<?>> readers = new ArrayList<>();
                for (int r = 0; r < 2; r++) {
                    readers.add(pool.submit(() -> {
                        do {
                            Page page = datastore.query(id, DatastoreQuery.all().withPage(50, 900));
                            String version = page.total() == 1_000 ? "small" : "large";
                            assertThat(page.total()).isIn(1_000L, 3_000L);
                            assertThat(page.records()).hasSize(50).allSatisfy(record -> assertThat(record).containsEntry("version", version));
                            totalsSeen.add(page.total());
                        } while (loading.get());
                        return null;
                    }));
                }
                loader.get();
                for (Future<?> reader : readers) {
                    reader.get();
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(datastore.query(id, DatastoreQuery.all()).total()).isEqualTo(1_000);
            assertThat(tablesOf(id)).hasSize(1);
        }

        private static String version(String name, int rows) {
            StringBuilder csv = new StringBuilder("version,n\n");
            for (int i = 0; i < rows; i++) {
                csv.append(name).append(',').append(i).append('\n');
            }
            return csv.toString();
        }

        private List<String> tablesOf(UUID id) {
            return jdbc.sql("SELECT tablename FROM pg_tables WHERE schemaname = 'datastore' AND tablename LIKE ?")
                    .param("t_" + id.toString().replace("-", "") + "%").query(String.class).list();
        }
    }

    @Nested
    class Previewing {

        @Test
        void showsTheFirstRowsAndChartsANumberPerCategoryOverTheWholeTable() {
            StringBuilder csv = new StringBuilder("区,金额,日期\n");
            for (int i = 0; i < 30; i++) {
                csv.append(i % 3 == 0 ? "东城" : i % 3 == 1 ? "西城" : "").append(',').append(i).append(".5,2026-01-0").append(1 + i % 9).append('\n');
            }
            UUID id = load(csv.toString());
            Preview preview = datastore.preview(id, 5);
            assertThat(preview.rowCount()).isEqualTo(30);
            assertThat(preview.rows()).hasSize(5);
            assertThat(preview.rows().getFirst()).containsExactly("东城", "0.5", "2026-01-01");
            assertThat(preview.rows().get(2)).containsExactly("", "2.5", "2026-01-03");
            Preview.Chart chart = preview.chart().orElseThrow();
            assertThat(chart.category().id()).isEqualTo("区");
            assertThat(chart.value().id()).isEqualTo("金额");
            // 西城: 1.5 + 4.5 + ... + 28.5 = 150; 东城: 0.5 + 3.5 + ... + 27.5 = 140; blank: 2.5 + ... + 29.5 = 160
            assertThat(chart.bars()).extracting(Preview.Bar::category).containsExactly(null, "西城", "东城");
            assertThat(chart.bars()).extracting(bar -> bar.value().doubleValue()).containsExactly(160.0, 150.0, 140.0);
        }

        @Test
        void offersNoChartWithoutANumberOrWithTooManyCategories() {
            assertThat(datastore.preview(load("a,b\nx,y\nz,w\n"), 10).chart()).isEmpty();
            StringBuilder many = new StringBuilder("name,n\n");
            for (int i = 0; i < 50; i++) {
                many.append("name").append(i).append(',').append(i).append('\n');
            }
            assertThat(datastore.preview(load(many.toString()), 10).chart()).isEmpty();
        }
    }

    @Test
    void recordsEachLoadInTheLedger() {
        UUID id = load("a\n1\n");
        // one statement, one snapshot: the sequencer may move the entry from pending to the log at any moment
        assertThat(jdbc.sql("SELECT (SELECT count(*) FROM ledger_pending WHERE subject = :s) + (SELECT count(*) FROM ledger_entry WHERE subject = :s)")
                .param("s", id.toString()).query(Long.class).single()).isEqualTo(1);
    }
}
