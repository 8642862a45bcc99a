package org.commonweal.catalogue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.commonweal.identity.Organisations;
import org.commonweal.support.CommonwealIntegrationTest;
import org.commonweal.support.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.commonweal.support.CommonwealIntegrationTest.DEMO_PASSWORD;

/** Exporting and importing the catalogue as CSV and Excel over real HTTP, with the nasty files people send. */
@CommonwealIntegrationTest
class CatalogueFilesIntegrationTest {

    private static final String HEADER = "code,classification,name_zh,name_en,provider,summary,format,items,sharing_type,"
            + "sharing_conditions,sharing_method,legal_basis,open_type,open_conditions,update_cycle,published_on,grade";
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Catalogue catalogue;

    @Autowired
    Organisations organisations;

    @BeforeEach
    void demoCatalogueLoaded() {
        CatalogueFixtures.awaitDemoCatalogue(jdbc);
    }

    private WebSession staff(String username) {
        return WebSession.signedIn(port, username, DEMO_PASSWORD);
    }

    /** Uploads a file and waits for the import to finish; returns its status page. */
    private String importFile(WebSession session, String name, String type, byte[] content) {
        HttpResponse<String> started = upload(session, name, type, content);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(302);
        String location = java.net.URI.create(started.headers().firstValue("Location").orElseThrow()).getPath();
        UUID id = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> !jdbc
                .sql("SELECT status FROM catalogue_import WHERE id = ?").param(id).query(String.class).single().equals("RUNNING"));
        HttpResponse<String> page = session.get(location);
        assertThat(page.statusCode()).isEqualTo(200);
        return page.body();
    }

    private HttpResponse<String> upload(WebSession session, String name, String type, byte[] content) {
        session.get("/department/catalogue/import");
        return session.postMultipart("/department/catalogue/import", Map.of(), "file", name, type, content);
    }

    private static byte[] csv(String text, Charset charset) {
        return text.getBytes(charset);
    }

    private static String row(String code, String nameZh, String nameEn, String items, String sharing, String legalBasis,
                              String grade) {
        return String.join(",", code, "3-01-09-001", nameZh, nameEn, "", "", "DATABASE", items, sharing, "",
                sharing.equals("NOT_SHARED") ? "" : "INTERFACE", legalBasis, "NOT_OPEN", "", "DAILY", "2026-01-15", grade);
    }

    /** Every resource of a provider as drafts without codes, for comparing catalogues. */
    private Map<String, ResourceDraft> draftsByName(String provider, String codePrefix) {
        return catalogue.ofProvider(provider).stream().filter(r -> r.code().startsWith(codePrefix))
                .collect(java.util.stream.Collectors.toMap(r -> r.code().substring(codePrefix.length()),
                        r -> r.draft().withCode(null)));
    }

    @Nested
    class RoundTrips {

        @Test
        void csvExportThenImportGivesTheSameCatalogue() {
            WebSession admin = staff("admin.data");
            registerNastyResource("DATA");
            HttpResponse<byte[]> exported = admin.getBytes("/department/catalogue/export.csv");
            assertThat(exported.statusCode()).isEqualTo(200);
            assertThat(exported.headers().firstValue("Content-Disposition").orElseThrow()).contains("catalogue-DATA.csv");
            String text = new String(exported.body(), StandardCharsets.UTF_8);
            assertThat(text).startsWith("\uFEFF" + HEADER);

            // the same rows under new codes: the import must recreate every resource exactly
            byte[] copy = text.replace("QH-DATA-", "QH-DATA-CSV").getBytes(StandardCharsets.UTF_8);
            String status = importFile(admin, "copy.csv", "text/csv", copy);
            assertThat(status).doesNotContain("未导入的行");
            assertThat(draftsByName("DATA", "QH-DATA-CSV")).isEqualTo(draftsByName("DATA", "QH-DATA-")
                    .entrySet().stream().filter(e -> !e.getKey().startsWith("CSV") && !e.getKey().startsWith("XL"))
                    .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));

            // importing the export itself changes nothing
            String again = importFile(admin, "same.csv", "text/csv", exported.body());
            assertThat(again).contains("无变化");
            assertThat(jdbc.sql("SELECT changed FROM catalogue_import ORDER BY started_at DESC LIMIT 1")
                    .query(Integer.class).single()).isZero();
        }

        @Test
        void excelExportThenImportGivesTheSameCatalogue() throws IOException {
            WebSession transport = staff("admin.transport");
            HttpResponse<byte[]> exported = transport.getBytes("/department/catalogue/export.xlsx");
            assertThat(exported.statusCode()).isEqualTo(200);
            assertThat(exported.headers().firstValue("Content-Type").orElseThrow()).startsWith(XLSX);
            byte[] copy;
            try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(exported.body()));
                 ByteArrayOutputStream out = new ByteArrayOutputStream()) {
                Sheet sheet = workbook.getSheetAt(0);
                assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("code");
                for (Row row : sheet) {
                    if (row.getRowNum() > 0) {
                        row.getCell(0).setCellValue(row.getCell(0).getStringCellValue().replace("QH-TRANSPORT-", "QH-TRANSPORT-XL"));
                    }
                }
                workbook.write(out);
                copy = out.toByteArray();
            }
            String status = importFile(transport, "copy.xlsx", XLSX, copy);
            assertThat(status).doesNotContain("未导入的行");
            Map<String, ResourceDraft> originals = draftsByName("TRANSPORT", "QH-TRANSPORT-");
            Map<String, ResourceDraft> copies = draftsByName("TRANSPORT", "QH-TRANSPORT-XL");
            assertThat(copies).isNotEmpty();
            copies.forEach((suffix, draft) -> assertThat(draft).as(suffix).isEqualTo(originals.get(suffix)));
        }

        @Test
        void exportsNeutraliseFormulasAndImportsGiveTheTextBack() throws IOException {
            WebSession admin = staff("admin.data");
            DataResource nasty = registerNastyResource("DATA");
            String text = new String(admin.getBytes("/department/catalogue/export.csv").body(), StandardCharsets.UTF_8);
            assertThat(text).contains("'=cmd|' /C calc'!A0", "'+SUM(1", "'-2+3", "'@SUM(A1)")
                    .doesNotContain(",=cmd").doesNotContain(",+SUM").doesNotContain(",@SUM");

            try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(
                    admin.getBytes("/department/catalogue/export.xlsx").body()))) {
                Row row = java.util.stream.StreamSupport.stream(workbook.getSheetAt(0).spliterator(), false)
                        .filter(r -> r.getCell(0).getStringCellValue().equals(nasty.code())).findFirst().orElseThrow();
                assertThat(row.getCell(5).getCellType()).isEqualTo(org.apache.poi.ss.usermodel.CellType.STRING);
                assertThat(row.getCell(5).getStringCellValue()).startsWith("'=cmd");
                assertThat(row.getCell(2).getStringCellValue()).startsWith("'+SUM");
            }
            // the guard comes off again on import: the resource is unchanged
            String status = importFile(admin, "nasty.csv", "text/csv", text.getBytes(StandardCharsets.UTF_8));
            assertThat(status).doesNotContain("未导入的行");
            assertThat(catalogue.get(nasty.code())).isEqualTo(nasty);
        }

        private DataResource registerNastyResource(String provider) {
            ResourceDraft draft = CatalogueFixtures.parkingDraft(provider)
                    .withNames("+SUM(1,2)\"引号\", 逗号", "-2+3 \"quoted\", comma")
                    .withSummary("=cmd|' /C calc'!A0\n第二行 <script>alert(1)</script>")
                    .withSharing(SharingType.CONDITIONAL, "@SUM(A1)", SharingMethod.FILE);
            return catalogue.register(draft, CatalogueFixtures.staffOf(organisations, provider));
        }
    }

    @Nested
    class BadRows {

        @Test
        void reportsEveryBadRowByLineAndKeepsTheGoodOnes() {
            WebSession staff = staff("staff.urban");
            String file = HEADER + "\n"
                    + row("", "好行一", "Good one", "bin_id|垃圾桶编号|Bin ID|string|no|no", "UNCONDITIONAL", "", "GENERAL") + "\n"
                    + row("", "缺法律依据", "No legal basis", "bin_id|编号|ID|string|no|no", "NOT_SHARED", "", "GENERAL") + "\n"
                    + "too,few,fields\n"
                    + row("", "好行二", "Good two", "\"bin_id|编号|ID|string|no|no\nowner_name|户主|Owner|string|yes|no\"", "UNCONDITIONAL", "", "IMPORTANT") + "\n"
                    + row("", "坏分级", "Bad grade", "bin_id|编号|ID|string|no|no", "UNCONDITIONAL", "", "SECRET") + "\n"
                    + row("", "他部门", "Other department", "bin_id|编号|ID|string|no|no", "UNCONDITIONAL", "", "GENERAL")
                            .replaceFirst(",,,DATABASE", ",HEALTH,,DATABASE") + "\n"
                    + row("", "坏数据项", "Bad items", "bin id|编号|ID|string", "UNCONDITIONAL", "", "GENERAL") + "\n"
                    + row("QH-URBAN-MGMT-0001", "他人编码", "Someone's code", "bin_id|编号|ID|string|no|no", "UNCONDITIONAL", "", "GENERAL")
                            .replaceFirst(",,,DATABASE", ",URBAN-MGMT,,DATABASE").replace("QH-URBAN-MGMT-0001", "QH-TRANSPORT-0001") + "\n";
            int before = catalogue.ofProvider("URBAN-MGMT").size();
            String status = importFile(staff, "mixed.csv", "text/csv", csv(file, StandardCharsets.UTF_8));

            assertThat(catalogue.ofProvider("URBAN-MGMT")).hasSize(before + 2);
            assertThat(catalogue.ofProvider("URBAN-MGMT")).extracting(DataResource::nameZh).contains("好行一", "好行二");
            assertThat(catalogue.ofProvider("URBAN-MGMT").stream().filter(r -> r.nameZh().equals("好行二")).findFirst()
                    .orElseThrow().item("owner_name").orElseThrow().personal()).isTrue();
            List<Integer> refused = jdbc.sql("SELECT line_number FROM catalogue_import_error e JOIN catalogue_import i"
                            + " ON i.id = e.import_id WHERE i.file_name = 'mixed.csv' ORDER BY line_number")
                    .query(Integer.class).list();
            // line 5-6 is one record: its items cell spans two lines
            assertThat(refused).containsExactly(3, 4, 7, 8, 9, 10);
            assertThat(status).contains("<td>3</td>", "<td>4</td>", "<td>7</td>", "<td>8</td>", "<td>9</td>", "<td>10</td>",
                    "legal basis", "this row has 3 fields", "SECRET", "Only staff of HEALTH", "belongs to a resource of TRANSPORT");
            assertThat(catalogue.get("QH-TRANSPORT-0001").nameZh()).isEqualTo("机动车登记信息");
            assertThat(jdbc.sql("SELECT count(*) FROM ledger_pending WHERE type = 'catalogue.imported'"
                    + " UNION ALL SELECT count(*) FROM ledger_entry WHERE type = 'catalogue.imported'")
                    .query(Integer.class).list().stream().mapToInt(Integer::intValue).sum()).isPositive();
        }

        @Test
        void aPlatformAdministratorImportsForTheDepartmentsTheRowsName() {
            WebSession admin = WebSession.signedIn(port, CommonwealIntegrationTest.ADMIN, CommonwealIntegrationTest.ADMIN_PASSWORD);
            String file = HEADER + "\n"
                    + row("", "管理员导入", "Imported by the administrator", "k|名|N|string|no|no", "UNCONDITIONAL", "", "GENERAL")
                            .replaceFirst(",,,DATABASE", ",HEALTH,,DATABASE") + "\n"
                    + row("", "没有部门", "No department", "k|名|N|string|no|no", "UNCONDITIONAL", "", "GENERAL") + "\n"
                    + row("", "不存在的部门", "Unknown department", "k|名|N|string|no|no", "UNCONDITIONAL", "", "GENERAL")
                            .replaceFirst(",,,DATABASE", ",NOWHERE,,DATABASE") + "\n";
            String status = importFile(admin, "admin.csv", "text/csv", file.getBytes(StandardCharsets.UTF_8));
            assertThat(catalogue.ofProvider("HEALTH")).extracting(DataResource::nameZh).contains("管理员导入");
            assertThat(status).contains("<td>3</td>", "provider is empty", "<td>4</td>", "NOWHERE");
        }

        @Test
        void aHugeFieldRefusesItsRowClearly() {
            WebSession staff = staff("staff.urban");
            String file = HEADER + "\n"
                    + row("", "巨大摘要", "Huge summary", "bin_id|编号|ID|string|no|no", "UNCONDITIONAL", "", "GENERAL")
                            .replace(",,DATABASE", ",," + "长".repeat(100_000) + ",DATABASE").replaceFirst(",,,", ",,")
                    + "\n" + row("", "正常行", "Normal row", "bin_id|编号|ID|string|no|no", "UNCONDITIONAL", "", "GENERAL") + "\n";
            String status = importFile(staff, "huge.csv", "text/csv", csv(file, StandardCharsets.UTF_8));
            assertThat(status).contains("<td>2</td>", "characters long; the most is 20000");
            assertThat(catalogue.ofProvider("URBAN-MGMT")).extracting(DataResource::nameZh).contains("正常行")
                    .doesNotContain("巨大摘要");
        }

        @Test
        void unclosedQuotesStopAtTheirLineAndKeepWhatCameBefore() {
            WebSession staff = staff("staff.urban");
            String file = HEADER + "\n"
                    + row("", "引号前", "Before the quote", "bin_id|编号|ID|string|no|no", "UNCONDITIONAL", "", "GENERAL") + "\n"
                    + row("", "\"没有闭合", "Unclosed", "bin_id|编号|ID|string|no|no", "UNCONDITIONAL", "", "GENERAL") + "\n";
            String status = importFile(staff, "quote.csv", "text/csv", csv(file, StandardCharsets.UTF_8));
            assertThat(status).contains("<td>3</td>", "quotes on this line are not closed");
            assertThat(catalogue.ofProvider("URBAN-MGMT")).extracting(DataResource::nameZh).contains("引号前");
        }
    }

    @Nested
    class Encodings {

        @Test
        void readsGbkFiles() {
            WebSession staff = staff("staff.housing");
            String file = HEADER + "\r\n" + row("", "物业服务企业名录", "Property management companies",
                    "company_name|企业名称|Company name|string|否|否", "UNCONDITIONAL", "", "一般") + "\r\n";
            String status = importFile(staff, "gbk.csv", "text/csv", csv(file, Charset.forName("GBK")));
            assertThat(status).contains("GBK").doesNotContain("未导入的行");
            DataResource imported = catalogue.ofProvider("HOUSING").stream()
                    .filter(r -> r.nameEn().equals("Property management companies")).findFirst().orElseThrow();
            assertThat(imported.nameZh()).isEqualTo("物业服务企业名录");
            assertThat(imported.items().getFirst().nameZh()).isEqualTo("企业名称");
            assertThat(imported.grade()).isEqualTo(DataGrade.GENERAL);
        }

        @Test
        void readsUtf8WithAndWithoutByteOrderMark() {
            WebSession staff = staff("staff.housing");
            String withBom = "\uFEFF" + HEADER + "\n" + row("", "带BOM的文件", "File with BOM",
                    "k|名|N|string|no|no", "UNCONDITIONAL", "", "GENERAL") + "\n";
            String status = importFile(staff, "bom.csv", "text/csv", csv(withBom, StandardCharsets.UTF_8));
            assertThat(status).contains("UTF-8 (BOM)").doesNotContain("未导入的行");
            String withoutBom = HEADER + "\n" + row("", "不带BOM", "File without BOM", "k|名|N|string|no|no",
                    "UNCONDITIONAL", "", "GENERAL") + "\n";
            assertThat(importFile(staff, "plain.csv", "text/csv", csv(withoutBom, StandardCharsets.UTF_8)))
                    .doesNotContain("未导入的行");
            assertThat(catalogue.ofProvider("HOUSING")).extracting(DataResource::nameZh).contains("带BOM的文件", "不带BOM");
        }
    }

    @Nested
    class RefusedFiles {

        @Test
        void refusesAZipBomb() throws IOException {
            WebSession staff = staff("staff.housing");
            byte[] bomb = bombed(staff.getBytes("/department/catalogue/export.xlsx").body());
            assertThat(bomb.length).isLessThan(1_000_000);
            int before = catalogue.ofProvider("HOUSING").size();
            HttpResponse<String> refused = upload(staff, "bomb.xlsx", XLSX, bomb);
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.body()).contains("zip bomb", "error-summary");
            assertThat(catalogue.ofProvider("HOUSING")).hasSize(before);
        }

        @Test
        void refusesWrongFileTypesByContentWhateverTheirName() {
            WebSession staff = staff("staff.housing");
            byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R'};
            assertThat(upload(staff, "catalogue.csv", "text/csv", png).statusCode()).isEqualTo(415);
            assertThat(upload(staff, "catalogue.xlsx", XLSX, "%PDF-1.7\n...".getBytes(StandardCharsets.US_ASCII)).statusCode())
                    .isEqualTo(415);
            byte[] xls = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
            HttpResponse<String> old = upload(staff, "catalogue.xls", "application/vnd.ms-excel", xls);
            assertThat(old.statusCode()).isEqualTo(415);
            assertThat(old.body()).contains(".xlsx");
            assertThat(upload(staff, "archive.xlsx", XLSX, zipWith("readme.txt", "hello".getBytes())).statusCode()).isEqualTo(400);
            assertThat(upload(staff, "empty.csv", "text/csv", new byte[0]).statusCode()).isEqualTo(400);
            HttpResponse<String> header = upload(staff, "wrong.csv", "text/csv", "name,age\n张三,30\n".getBytes(StandardCharsets.UTF_8));
            assertThat(header.statusCode()).isEqualTo(400);
            assertThat(header.body()).contains("unknown columns name, age", "missing columns");
            assertThat(upload(staff, "latin1.csv", "text/csv", new byte[]{'c', 'o', 'd', 'e', (byte) 0xFF, (byte) 0xFE, (byte) 0x81, '\n'})
                    .statusCode()).isEqualTo(400);
        }

        @Test
        void refusesAFileOverTheSizeLimit() {
            WebSession staff = staff("staff.housing");
            byte[] big = (HEADER + "\n" + "x".repeat(6 * 1024 * 1024)).getBytes(StandardCharsets.UTF_8);
            HttpResponse<String> refused = upload(staff, "big.csv", "text/csv", big);
            assertThat(refused.statusCode()).isEqualTo(413);
            assertThat(refused.body()).contains("5 MB");
        }

        @Test
        void importStatusIsOnlyForTheImportersDepartment() {
            WebSession staff = staff("staff.housing");
            String file = HEADER + "\n" + row("", "状态页测试", "Status page test", "k|名|N|string|no|no", "UNCONDITIONAL", "",
                    "GENERAL") + "\n";
            HttpResponse<String> started = upload(staff, "mine.csv", "text/csv", file.getBytes(StandardCharsets.UTF_8));
            String location = java.net.URI.create(started.headers().firstValue("Location").orElseThrow()).getPath();
            assertThat(staff("staff.transport").get(location).statusCode()).isEqualTo(404);
            assertThat(staff.get(location).statusCode()).isEqualTo(200);
            assertThat(staff.get(location + "/progress").body()).contains("id=\"import-progress\"");
            assertThat(staff.get("/department/catalogue/imports/not-a-uuid").statusCode()).isEqualTo(404);
        }

        /** The exported workbook with its sheet replaced by one that inflates a thousandfold (a zip bomb). */
        private byte[] bombed(byte[] workbook) throws IOException {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(workbook));
                 ZipOutputStream zip = new ZipOutputStream(out)) {
                ZipEntry entry;
                while ((entry = in.getNextEntry()) != null) {
                    zip.putNextEntry(new ZipEntry(entry.getName()));
                    if (entry.getName().equals("xl/worksheets/sheet1.xml")) {
                        zip.write(("<?xml version=\"1.0\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
                                + "<sheetData/><!-- ").getBytes(StandardCharsets.UTF_8));
                        byte[] block = new byte[1024 * 1024];
                        java.util.Arrays.fill(block, (byte) 'a');
                        for (int i = 0; i < 200; i++) {
                            zip.write(block);
                        }
                        zip.write(" --></worksheet>".getBytes(StandardCharsets.UTF_8));
                    } else {
                        in.transferTo(zip);
                    }
                    zip.closeEntry();
                }
            }
            return out.toByteArray();
        }

        private byte[] zipWith(String name, byte[] content) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(out)) {
                zip.putNextEntry(new ZipEntry(name));
                zip.write(content);
                zip.closeEntry();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            return out.toByteArray();
        }
    }

}
