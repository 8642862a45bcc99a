package org.commonweal.opendata.datastore.web;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.List;

import org.commonweal.opendata.datastore.Column;
import org.commonweal.opendata.datastore.ExportSink;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/** Writes rows as CKAN's datastore dump does in JSON: {@code {"fields": [...], "records": [[...], ...]}}, streamed. */
final class JsonExport implements ExportSink {

    private final JsonGenerator json;

    JsonExport(OutputStream out) {
        this.json = JsonMapper.shared().createGenerator(out);
    }

    @Override
    public void start(List<Column> fields) {
        json.writeStartObject();
        json.writeName("fields");
        json.writeStartArray();
        for (Column column : fields) {
            json.writeStartObject();
            json.writeStringProperty("id", column.id());
            json.writeStringProperty("type", column.type().ckanType());
            if (!column.label().equals(column.id())) {
                json.writeName("info");
                json.writeStartObject();
                json.writeStringProperty("label", column.label());
                json.writeEndObject();
            }
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeName("records");
        json.writeStartArray();
    }

    @Override
    public void row(List<@Nullable Object> values) {
        json.writeStartArray();
        for (Object value : values) {
            switch (value) {
                case null -> json.writeNull();
                case Long number -> json.writeNumber(number);
                case BigDecimal number -> json.writeNumber(number);
                default -> json.writeString(value.toString());
            }
        }
        json.writeEndArray();
    }

    void finish() throws IOException {
        json.writeEndArray();
        json.writeEndObject();
        json.close();
    }
}
