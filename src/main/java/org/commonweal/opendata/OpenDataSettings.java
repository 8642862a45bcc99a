package org.commonweal.opendata;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param publicUrl the portal's public address: dataset, distribution and catalogue URIs in CKAN and DCAT start with it
 * @param directory where uploaded files and the search index are kept ({@code files/}, {@code index/}); set beside
 *                  the embedded database in application.properties
 * @param filesDirectory where uploaded files are kept when not under {@code directory}: every node of one
 *                  database must see the same files (a shared folder, or object storage behind the storage port)
 * @param maxUploadBytes the largest file a department may upload
 * @param catalogPageSize datasets on one DCAT catalogue page unless {@code page_size} asks for fewer
 * @param reindexOnStart rebuild the search index from the database when the application starts
 * @param demoDatasets publish the demo city's datasets when the demo city is loaded
 */
@ConfigurationProperties("commonweal.opendata")
public record OpenDataSettings(
        @DefaultValue("http://localhost:8080") String publicUrl,
        @DefaultValue("./data/opendata") String directory,
        @DefaultValue("") String filesDirectory,
        @DefaultValue("20000000") long maxUploadBytes,
        @DefaultValue("100") int catalogPageSize,
        @DefaultValue("true") boolean reindexOnStart,
        @DefaultValue("true") boolean demoDatasets) {

    /** Where uploaded files are kept: {@code filesDirectory}, or {@code files/} under {@code directory}. */
    public Path files() {
        return filesDirectory.isBlank() ? Path.of(directory, "files") : Path.of(filesDirectory);
    }

    /** The public URL without a trailing slash. */
    public String base() {
        return publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }
}
