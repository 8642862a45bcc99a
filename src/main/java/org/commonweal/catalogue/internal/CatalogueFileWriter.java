package org.commonweal.catalogue.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.commonweal.catalogue.DataResource;

/**
 * Writes the catalogue as CSV (UTF-8 with a BOM, so spreadsheet programs show Chinese correctly)
 * or as an Excel workbook, one resource per row in {@link CatalogueColumns#NAMES} order. Every
 * cell passes through {@link FormulaGuard}: a file we hand out never runs a formula.
 */
public final class CatalogueFileWriter {

    private CatalogueFileWriter() {
    }

    public static byte[] csv(List<DataResource> resources) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0xEF);
        out.write(0xBB);
        out.write(0xBF);
        try (Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
             CSVPrinter printer = new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setRecordSeparator("\r\n").get())) {
            printer.printRecord(CatalogueColumns.NAMES);
            for (DataResource resource : resources) {
                printer.printRecord(CatalogueColumns.cells(resource).stream().map(FormulaGuard::neutralise).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public static byte[] xlsx(List<DataResource> resources) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("catalogue");
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            CellStyle wrapped = workbook.createCellStyle();
            wrapped.setWrapText(true);
            Row header = sheet.createRow(0);
            for (int i = 0; i < CatalogueColumns.NAMES.size(); i++) {
                header.createCell(i).setCellValue(CatalogueColumns.NAMES.get(i));
                header.getCell(i).setCellStyle(bold);
            }
            int rowNumber = 1;
            for (DataResource resource : resources) {
                Row row = sheet.createRow(rowNumber++);
                List<String> cells = CatalogueColumns.cells(resource);
                for (int i = 0; i < cells.size(); i++) {
                    // always a text cell, never a formula, and guarded for programs that re-type cells on edit
                    row.createCell(i).setCellValue(FormulaGuard.neutralise(cells.get(i)));
                    if (cells.get(i).indexOf('\n') >= 0) {
                        row.getCell(i).setCellStyle(wrapped);
                    }
                }
            }
            sheet.createFreezePane(0, 1);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
