package org.commonweal.exchange.internal;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.json.JsonFactory;

/**
 * Removes from a JSON response every field the agreement does not cover, as the body streams
 * through: a parser reads token by token and a generator writes only what a permitted path
 * reaches, so memory stays constant whatever the size. A field is kept when its path is mapped to
 * one of the agreement's data items; unmapped fields are removed, and so are mapped fields of items
 * the agreement does not name.
 */
public final class Minimiser {

    /**
     * The output stream stays open for the caller, and a broken input never gets its open
     * brackets closed: a cut-off response must not look complete. Nothing is flushed to the
     * client before the end, so an early error can still replace the response.
     */
    private static final JsonFactory JSON = JsonFactory.builder()
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .disable(StreamWriteFeature.AUTO_CLOSE_CONTENT)
            .disable(StreamWriteFeature.FLUSH_PASSED_TO_STREAM)
            .build();

    /** One step of the permitted paths: keep the whole value ({@code item} set) or look further down. */
    private static final class Step {
        final Map<String, Step> children = new HashMap<>();
        @Nullable String item;

        /** Whether a value starting with this token can hold something permitted: an object or array the paths go into. */
        boolean reaches(JsonToken token) {
            if (item != null) {
                return true;
            }
            if (token == JsonToken.START_ARRAY) {
                return children.containsKey(FieldPath.EVERY_ELEMENT);
            }
            return token == JsonToken.START_OBJECT && children.keySet().stream().anyMatch(k -> !k.equals(FieldPath.EVERY_ELEMENT));
        }
    }

    private final Step root = new Step();

    /**
     * @param fieldItems the service's mapping of JSON paths to data items
     * @param permittedItems the data items the agreement allows
     */
    public Minimiser(Map<String, String> fieldItems, Set<String> permittedItems) {
        fieldItems.forEach((path, item) -> {
            if (permittedItems.contains(item)) {
                Step step = root;
                for (String name : FieldPath.parse(path).steps()) {
                    step = step.children.computeIfAbsent(name, n -> new Step());
                }
                step.item = item;
            }
        });
    }

    /**
     * Copies one JSON document from {@code in} to {@code out}, keeping only permitted fields, and
     * adds to {@code delivered} the items whose values (other than null) went out.
     *
     * @throws tools.jackson.core.JacksonException when the input is not one well-formed JSON document
     */
    public void copy(InputStream in, OutputStream out, Set<String> delivered) {
        try (JsonParser parser = JSON.createParser(in);
             JsonGenerator generator = JSON.createGenerator(out)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new tools.jackson.core.exc.StreamReadException(parser, "The response body is empty, not JSON");
            }
            if (first.isScalarValue() && root.item == null) {
                generator.writeNull();
            } else {
                value(parser, generator, root, delivered);
            }
            if (parser.nextToken() != null) {
                throw new tools.jackson.core.exc.StreamReadException(parser, "More than one JSON value in the response");
            }
        }
    }

    private static void value(JsonParser parser, JsonGenerator generator, Step step, Set<String> delivered) {
        JsonToken token = parser.currentToken();
        if (step.item != null) {
            if (token != JsonToken.VALUE_NULL) {
                delivered.add(step.item);
            }
            generator.copyCurrentStructureExact(parser);
        } else if (token == JsonToken.START_OBJECT) {
            generator.writeStartObject();
            JsonToken inObject;
            while ((inObject = parser.nextToken()) == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                JsonToken next = parser.nextToken();
                Step child = step.children.get(name);
                if (child != null && child.reaches(next)) {
                    generator.writeName(name);
                    value(parser, generator, child, delivered);
                } else {
                    parser.skipChildren();
                }
            }
            if (inObject != JsonToken.END_OBJECT) {
                throw new tools.jackson.core.exc.StreamReadException(parser, "The response ends inside an object");
            }
            generator.writeEndObject();
        } else if (token == JsonToken.START_ARRAY) {
            generator.writeStartArray();
            Step element = step.children.get(FieldPath.EVERY_ELEMENT);
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                if (parser.currentToken() == null) {
                    throw new tools.jackson.core.exc.StreamReadException(parser, "The response ends inside an array");
                }
                if (element != null && element.reaches(parser.currentToken())) {
                    value(parser, generator, element, delivered);
                } else {
                    parser.skipChildren();
                }
            }
            generator.writeEndArray();
        }
    }
}
