package org.commonweal.catalogue.internal;

import java.util.List;
import java.util.Map;

/**
 * A catalogue file read into rows. Rows that could not be read as rows at all (ragged, a field
 * too long, a formula) are already in {@code refused}; the rest go on to be checked one by one.
 *
 * @param kind {@code csv} or {@code xlsx}
 * @param encoding how a CSV file was decoded (UTF-8, UTF-8 with BOM, GB18030), empty for Excel
 */
public record ParsedFile(String kind, String encoding, List<Row> rows, List<LineProblem> refused) {

    /** One data row with its line (CSV) or row number (Excel) as a person sees it in their program. */
    public record Row(int line, Map<String, String> cells) {
    }

    public record LineProblem(int line, String message) {
    }

    public int total() {
        return rows.size() + refused.size();
    }
}
