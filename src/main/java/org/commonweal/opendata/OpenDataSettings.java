package org.commonweal.opendata;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param publicUrl the portal's public address: dataset, distribution and catalogue URIs in CKAN and DCAT start with it
 * @param directory where uploaded files and the search index are kept ({@code files/}, {@code index/}); set beside
 *                  the embedded database in application.properties
 * @param maxUploadBytes the largest file a department may upload
 * @param catalogPageSize datasets on one DCAT catalogue page unless {@code page_size} asks for fewer
 * @param reindexOnStart rebuild the search index from the database when the application starts
 * @param demoDatasets publish the demo city's datasets when the demo city is loaded
 */
@ConfigurationProperties("commonweal.opendata")
public record OpenDataSettings(
        @DefaultValue("http://localhost:8080") String publicUrl,
        @DefaultValue("./data/opendata") String directory,
        @DefaultValue("20000000") long maxUploadBytes,
        @DefaultValue("100") int catalogPageSize,
        @DefaultValue("true") boolean reindexOnStart,
        @DefaultValue("true") boolean demoDatasets) {

    /** The public URL without a trailing slash. */
    public String base() {
        return publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }
}
