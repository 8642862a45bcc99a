package org.commonweal.catalogue;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param codePrefix the first part of generated catalogue codes ({@code QH-TRANSPORT-0001})
 * @param maxImportSize the largest CSV or Excel file accepted for import
 * @param maxImportRows the most resources one import may hold
 * @param maxFieldLength the longest single cell in an imported file (the items cell included)
 * @param indexDirectory where the search index is kept; empty: in memory (it is rebuilt from the database on start anyway)
 * @param demoEnabled give the demo city's departments a catalogue when the demo city is loaded
 */
@ConfigurationProperties("commonweal.catalogue")
public record CatalogueSettings(
        @DefaultValue("QH") String codePrefix,
        @DefaultValue("5MB") DataSize maxImportSize,
        @DefaultValue("5000") int maxImportRows,
        @DefaultValue("20000") int maxFieldLength,
        @DefaultValue("") String indexDirectory,
        @DefaultValue("true") boolean demoEnabled) {

    public @org.jspecify.annotations.Nullable Path indexPath() {
        return indexDirectory.isBlank() ? null : Path.of(indexDirectory);
    }
}
