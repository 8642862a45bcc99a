package org.commonweal.opendata.quality;

import java.util.Locale;
import java.util.Set;

/**
 * Tim Berners-Lee's five stars of open data, from a resource's format: 1 on the web in any
 * format (PDF, HTML, images), 2 structured but proprietary (Excel, Word), 3 open structured
 * formats (CSV, JSON, XML, an API answering them), 4 RDF with URIs for things, 5 linked data
 * (a SPARQL endpoint or data marked as linked to others).
 */
public final class OpenFormats {

    private static final Set<String> TWO = Set.of("XLS", "XLSX", "DOC", "DOCX", "MDB", "DBF", "SHP");
    private static final Set<String> THREE = Set.of("CSV", "TSV", "JSON", "GEOJSON", "XML", "API", "ODS", "TXT", "KML",
            "GPX", "PARQUET");
    private static final Set<String> FOUR = Set.of("RDF", "RDF+XML", "TTL", "TURTLE", "N3", "NT", "JSON-LD", "JSONLD",
            "NQ", "TRIG");
    private static final Set<String> FIVE = Set.of("SPARQL", "LOD", "LINKED-DATA");

    public static int stars(String format) {
        String f = format.strip().toUpperCase(Locale.ROOT);
        if (FIVE.contains(f)) {
            return 5;
        }
        if (FOUR.contains(f)) {
            return 4;
        }
        if (THREE.contains(f)) {
            return 3;
        }
        if (TWO.contains(f)) {
            return 2;
        }
        return f.isEmpty() ? 0 : 1;
    }

    private OpenFormats() {
    }
}
