package org.commonweal.catalogue.internal;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.commonweal.catalogue.CatalogueErrorCode;
import org.commonweal.catalogue.CatalogueRefused;
import org.commonweal.catalogue.CatalogueSettings;
import org.commonweal.catalogue.DataGrade;
import org.commonweal.catalogue.DataItem;
import org.commonweal.catalogue.DataResource;
import org.commonweal.catalogue.OpenType;
import org.commonweal.catalogue.ResourceDraft;
import org.commonweal.catalogue.ResourceFormat;
import org.commonweal.catalogue.SharingMethod;
import org.commonweal.catalogue.SharingType;
import org.commonweal.catalogue.UpdateCycle;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading and writing catalogue files, without the application: the nasty inputs in bulk. */
class CatalogueFileReaderUnitTest {

    private final CatalogueFileReader reader = new CatalogueFileReader(
            new CatalogueSettings("QH", DataSize.ofMegabytes(5), 5000, 20000, "", true));

    private static DataResource resource(String code, String summary) {
        return new DataResource(code, "名称，带逗号", "Name \"quoted\"", "TRANSPORT", SharingType.CONDITIONAL,
                DataGrade.IMPORTANT, List.of(new DataItem("plate_number", "号牌", "Plate", "string", false, false),
                new DataItem("owner_name", "姓名", "Owner", "string", true, true)), "3-01-02-003", summary,
                ResourceFormat.DATABASE, "=1+1 条件", SharingMethod.INTERFACE, "", OpenType.NOT_OPEN, "",
                UpdateCycle.DAILY, LocalDate.of(2026, 1, 2), false, 1);
    }

    @Nested
    class RoundTrips {

        @Test
        void csvAndExcelGiveBackTheSameRows() {
            List<DataResource> resources = List.of(resource("QH-A-0001", "多行\n摘要, with \"quotes\""),
                    resource("QH-A-0002", "-leading minus"), resource("QH-A-0003", "@at"), resource("QH-A-0004", "'=starts with a quote and tab\there"));
            for (byte[] file : List.of(CatalogueFileWriter.csv(resources), CatalogueFileWriter.xlsx(resources))) {
                ParsedFile parsed = reader.read(file);
                assertThat(parsed.refused()).isEmpty();
                assertThat(parsed.rows()).hasSize(4);
                for (int i = 0; i < 4; i++) {
                    List<String> problems = new ArrayList<>();
                    ResourceDraft draft = CatalogueColumns.draft(parsed.rows().get(i).cells(), "", LocalDate.MIN, problems);
                    assertThat(problems).isEmpty();
                    assertThat(draft).isEqualTo(resources.get(i).draft());
                }
            }
        }

        @Test
        void csvLineNumbersCountTheLinesInsideQuotedCells() {
            List<DataResource> resources = List.of(resource("QH-A-0001", "one\ntwo\nthree"), resource("QH-A-0002", "x"));
            ParsedFile parsed = reader.read(CatalogueFileWriter.csv(resources));
            // header line 1; the first record spans lines 2-5 (summary 3 lines, items 2 lines share two of them)
            assertThat(parsed.rows().get(0).line()).isEqualTo(2);
            assertThat(parsed.rows().get(1).line()).isEqualTo(2 + 3 + 1);
        }
    }

    @Nested
    class Encodings {

        @Test
        void tellsUtf8BomGbkAndTabsApart() {
            String text = "name_zh\tname_en\titems\tsharing_type\tgrade\n交通\tTransport\tk|名|N|string|no|no\tUNCONDITIONAL\tGENERAL\n";
            assertThat(reader.read(text.getBytes(StandardCharsets.UTF_8)).encoding()).isEqualTo("UTF-8");
            ParsedFile gbk = reader.read(text.getBytes(Charset.forName("GBK")));
            assertThat(gbk.encoding()).isEqualTo("GBK");
            assertThat(gbk.rows().getFirst().cells().get("name_zh")).isEqualTo("交通");
            byte[] bom = ("\uFEFF" + text).getBytes(StandardCharsets.UTF_8);
            assertThat(reader.read(bom).encoding()).isEqualTo("UTF-8 (BOM)");
            assertThat(reader.read(bom).rows().getFirst().cells()).containsKey("name_zh");
        }
    }

    @Nested
    class HostileFiles {

        @Test
        void randomBytesNeverEscapeAsAnythingButARefusal() {
            Random random = new Random(2026);
            byte[] csv = CatalogueFileWriter.csv(List.of(resource("QH-A-0001", "x"), resource("QH-A-0002", "y")));
            byte[] xlsx = CatalogueFileWriter.xlsx(List.of(resource("QH-A-0001", "x")));
            int refused = 0;
            for (int i = 0; i < 3000; i++) {
                byte[] input = switch (i % 3) {
                    case 0 -> mutate(csv, random);
                    case 1 -> mutate(xlsx, random);
                    default -> randomBytes(random);
                };
                try {
                    ParsedFile parsed = reader.read(input);
                    assertThat(parsed.total()).isLessThanOrEqualTo(5000);
                } catch (CatalogueRefused expected) {
                    refused++;
                }
            }
            assertThat(refused).as("most damaged files are refused").isGreaterThan(500);
        }

        @Test
        void refusesRowsThatAreTooWideOrTooShortOrHoldAHugeField() {
            String file = "name_zh,name_en,items,sharing_type,grade\n"
                    + "a,b,k|n|N|string|no|no,UNCONDITIONAL,GENERAL,extra\n"
                    + "a,b\n"
                    + "a,b,k|n|N|string|no|no,UNCONDITIONAL,GENERAL,,,\n"
                    + "a," + "长".repeat(20001) + ",k|n|N|string|no|no,UNCONDITIONAL,GENERAL\n";
            ParsedFile parsed = reader.read(file.getBytes(StandardCharsets.UTF_8));
            assertThat(parsed.rows()).extracting(ParsedFile.Row::line).containsExactly(4);
            assertThat(parsed.refused()).extracting(ParsedFile.LineProblem::line).containsExactly(2, 3, 5);
            assertThat(parsed.refused().get(2).message()).contains("name_en is 20001 characters long");
        }

        @Test
        void refusesTooManyRows() {
            StringBuilder file = new StringBuilder("name_zh,name_en,items,sharing_type,grade\n");
            file.append("a,b,k|n|N|string|no|no,UNCONDITIONAL,GENERAL\n".repeat(5001));
            assertThatThrownBy(() -> reader.read(file.toString().getBytes(StandardCharsets.UTF_8)))
                    .isInstanceOfSatisfying(CatalogueRefused.class, e -> assertThat(e.code()).isEqualTo(CatalogueErrorCode.TOO_MANY_ROWS));
        }

        @Test
        void refusesHeadersThatAreNotOurs() {
            for (String header : List.of("", "\n\n", "a,b,c\n", "name_zh,name_zh,name_en,items,sharing_type,grade\n",
                    "<html><body>not a csv</body></html>")) {
                assertThatThrownBy(() -> reader.read(header.getBytes(StandardCharsets.UTF_8))).as(header)
                        .isInstanceOf(CatalogueRefused.class);
            }
        }

        private byte[] mutate(byte[] original, Random random) {
            byte[] copy = original.clone();
            int changes = 1 + random.nextInt(20);
            for (int c = 0; c < changes; c++) {
                copy[random.nextInt(copy.length)] = (byte) random.nextInt(256);
            }
            return random.nextBoolean() ? copy : java.util.Arrays.copyOf(copy, random.nextInt(copy.length) + 1);
        }

        private byte[] randomBytes(Random random) {
            byte[] bytes = new byte[random.nextInt(2000)];
            random.nextBytes(bytes);
            return bytes;
        }
    }

    @Nested
    class Guards {

        @Test
        void formulaGuardRoundTripsEveryDangerousStart() {
            for (String cell : List.of("=cmd|' /C calc'!A0", "+1", "-1", "@SUM(A1)", "\tx", "\rx", "'=already", "''+twice", "plain", "", "'", "'''")) {
                assertThat(FormulaGuard.restore(FormulaGuard.neutralise(cell))).isEqualTo(cell);
            }
            assertThat(FormulaGuard.neutralise("=1+1")).isEqualTo("'=1+1");
            assertThat(FormulaGuard.neutralise("1+1")).isEqualTo("1+1");
        }

        @Test
        void itemNotationReadsWhatPeopleTypeAndRefusesTheRest() {
            assertThat(ItemNotation.parse(" a|名|N|STRING|是|否 \r\n\r\nb|名二|Two|date|Y|yes"))
                    .containsExactly(new DataItem("a", "名", "N", "string", true, false),
                            new DataItem("b", "名二", "Two", "date", true, true));
            assertThatThrownBy(() -> ItemNotation.parse("a|b|c")).hasMessageContaining("6 parts");
            assertThatThrownBy(() -> ItemNotation.parse("a|b|c|string|maybe|no")).hasMessageContaining("yes or no");
        }

        @Test
        void theMetadataDigestChangesWithEveryFieldAndCannotBeFooledBySeparators() {
            ResourceDraft draft = resource("QH-A-0001", "x").draft();
            String digest = Fingerprint.of("QH-A-0001", draft);
            assertThat(Fingerprint.of("QH-A-0001", draft.withSummary("y"))).isNotEqualTo(digest);
            assertThat(Fingerprint.of("QH-A-0002", draft)).isNotEqualTo(digest);
            assertThat(Fingerprint.of("QH-A-0001", draft.withNames("ab", "c")))
                    .isNotEqualTo(Fingerprint.of("QH-A-0001", draft.withNames("a", "bc")));
            assertThat(Fingerprint.of("QH-A-0001", draft)).isEqualTo(digest).startsWith("sha256:");
        }
    }
}
