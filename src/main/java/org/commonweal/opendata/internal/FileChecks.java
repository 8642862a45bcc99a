package org.commonweal.opendata.internal;

import java.io.BufferedInputStream;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Locale;

import org.commonweal.opendata.DatasetRefused;
import org.commonweal.opendata.OpenDataErrorCode;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.json.JsonFactory;

/**
 * Checks an uploaded file before it is kept: its type by name, and JSON to its end. A refusal
 * says what is wrong and on which line.
 */
public final class FileChecks {

    /** The upload types the portal accepts. */
    public enum Kind {
        CSV("CSV", "text/csv"),
        JSON("JSON", "application/json"),
        XLSX("XLSX", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

        private final String format;
        private final String mediaType;

        Kind(String format, String mediaType) {
            this.format = format;
            this.mediaType = mediaType;
        }

        public String format() {
            return format;
        }

        public String mediaType() {
            return mediaType;
        }
    }

    private static final JsonFactory JSON = new JsonFactory();

    private FileChecks() {
    }

    public static Kind kindOf(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT).strip();
        return Arrays.stream(Kind.values()).filter(k -> lower.endsWith("." + k.name().toLowerCase(Locale.ROOT)))
                .findFirst()
                .orElseThrow(() -> new DatasetRefused(OpenDataErrorCode.FILE_TYPE_UNSUPPORTED, "file",
                        "Upload a .csv, .json or .xlsx file (save older .xls workbooks as .xlsx)."));
    }

    /**
     * Checks what the datastore does not: JSON must parse to its end. CSV and Excel files are
     * checked row by row by the datastore as it loads them (encodings, ragged rows, workbooks).
     */
    public static void check(Kind kind, InputStream content) {
        if (kind == Kind.JSON) {
            checkJson(new BufferedInputStream(content));
        }
    }

    private static void checkJson(InputStream in) {
        try (JsonParser parser = JSON.createParser(in)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw refused("The file holds no JSON.");
            }
            parser.skipChildren();
            if (parser.nextToken() != null) {
                throw refused("Line " + parser.currentLocation().getLineNr() + ": more follows the JSON value.");
            }
        } catch (JacksonException e) {
            throw refused("The file is not valid JSON (line " + (e.getLocation() == null ? 1 : e.getLocation().getLineNr())
                    + "): " + e.getOriginalMessage());
        }
    }

    private static DatasetRefused refused(String detail) {
        return new DatasetRefused(OpenDataErrorCode.FILE_REFUSED, "file", detail);
    }
}
