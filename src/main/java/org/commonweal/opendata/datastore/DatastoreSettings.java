package org.commonweal.opendata.datastore;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param maxFileSize the largest file accepted for loading
 * @param maxFieldLength the longest cell, in characters
 * @param maxColumns the most columns (PostgreSQL allows 1600 per table)
 * @param indexMaxTextLength text columns whose longest value is longer get no index (b-tree entries are limited to ~2.7 kB)
 * @param xlsxMinInflateRatio POI's zip-bomb guard: a workbook part compressed better than this is refused
 * @param xlsxMaxEntrySize POI's zip-bomb guard: the largest uncompressed part of a workbook
 * @param workDirectory where files are spooled while loading; empty for the system temporary directory
 */
@ConfigurationProperties("commonweal.opendata.datastore")
public record DatastoreSettings(
        @DefaultValue("1GB") DataSize maxFileSize,
        @DefaultValue("32768") int maxFieldLength,
        @DefaultValue("500") int maxColumns,
        @DefaultValue("500") int indexMaxTextLength,
        @DefaultValue("0.01") double xlsxMinInflateRatio,
        @DefaultValue("2GB") DataSize xlsxMaxEntrySize,
        @DefaultValue("") String workDirectory) {

    public Path workPath() {
        return Path.of(workDirectory.isBlank() ? System.getProperty("java.io.tmpdir") : workDirectory);
    }
}
