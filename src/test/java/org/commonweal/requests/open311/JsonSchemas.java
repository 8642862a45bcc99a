package org.commonweal.requests.open311;

import java.util.List;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;

/**
 * The community's GeoReport v2 JSON Schemas ({@code schema-validation/}). They declare no
 * {@code $schema} or {@code $id} and refer to each other by file name ({@code "$ref": "request.json"}),
 * so each is served under one made-up base address and read as draft 2020-12, with
 * {@code format} (date-time, uri) asserted.
 */
final class JsonSchemas {

    private static final String BASE = "https://schemas.open311.invalid/georeport-v2/";
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            builder -> builder
                    .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build())
                    .schemas(iri -> iri.startsWith(BASE) ? Reference.read("schema-validation/" + iri.substring(BASE.length())) : null));

    private JsonSchemas() {
    }

    /** The schema's complaints about the JSON, none when it conforms. */
    static List<String> violations(String schemaFile, String json) {
        List<Error> errors = REGISTRY.getSchema(SchemaLocation.of(BASE + schemaFile)).validate(json, InputFormat.JSON);
        return errors.stream().map(Error::toString).toList();
    }
}
