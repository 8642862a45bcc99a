package org.commonweal.requests.open311;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.json.JsonFactory;

/**
 * Writes a tree of {@link Fields} and {@link Items} as the spec's JSON or XML, in UTF-8. Both
 * writers escape for their syntax, so stored text (script tags included) comes back verbatim.
 */
final class Open311Writer {

    private static final JsonFactory JSON = new JsonFactory();
    private static final XMLOutputFactory XML = XMLOutputFactory.newFactory();

    private Open311Writer() {
    }

    /**
     * The response: {@code root} is a {@link Fields} or {@link Items}; {@code rootName} names the
     * XML document element ({@code services}, {@code service_requests}, ...).
     */
    static ResponseEntity<byte[]> respond(Format format, HttpStatus status, String rootName, Object root) {
        byte[] body = format == Format.JSON ? json(root) : xml(rootName, root);
        return ResponseEntity.status(status).contentType(format.mediaType())
                // names and descriptions follow Accept-Language, so caches must keep one copy per language
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE)
                .body(body);
    }

    static ResponseEntity<byte[]> ok(Format format, String rootName, Object root) {
        return respond(format, HttpStatus.OK, rootName, root);
    }

    /** The spec's error body: a list with one error carrying the HTTP status as its code. */
    static ResponseEntity<byte[]> error(Format format, HttpStatus status, String description) {
        Items errors = new Items("error", List.of(new Fields().put("code", status.value()).put("description", description)));
        return respond(format, status, "errors", errors);
    }

    static byte[] json(Object root) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator json = JSON.createGenerator(out)) {
            writeJson(json, root);
        }
        return out.toByteArray();
    }

    private static void writeJson(JsonGenerator json, @Nullable Object value) {
        switch (value) {
            case null -> json.writeNull();
            case Fields fields -> {
                json.writeStartObject();
                for (Map.Entry<String, @Nullable Object> field : fields.values().entrySet()) {
                    json.writeName(field.getKey());
                    writeJson(json, field.getValue());
                }
                json.writeEndObject();
            }
            case Items items -> {
                json.writeStartArray();
                for (Object item : items.items()) {
                    writeJson(json, item);
                }
                json.writeEndArray();
            }
            case Boolean bool -> json.writeBoolean(bool);
            case Double number -> json.writeNumber(number);
            case Integer number -> json.writeNumber(number);
            default -> json.writeString(value.toString());
        }
    }

    static byte[] xml(String rootName, Object root) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter xml = XML.createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            writeXml(xml, rootName, root);
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Writing XML to memory cannot fail", e);
        }
        return out.toByteArray();
    }

    private static void writeXml(XMLStreamWriter xml, String name, @Nullable Object value) throws XMLStreamException {
        if (value == null) {
            xml.writeEmptyElement(name);
            return;
        }
        xml.writeStartElement(name);
        switch (value) {
            case Fields fields -> {
                for (Map.Entry<String, @Nullable Object> field : fields.values().entrySet()) {
                    writeXml(xml, field.getKey(), field.getValue());
                }
            }
            case Items items -> {
                for (Object item : items.items()) {
                    writeXml(xml, items.itemName(), item);
                }
            }
            // plain notation: 0.0001, never 1.0E-4
            case Double number -> xml.writeCharacters(BigDecimal.valueOf(number).toPlainString());
            default -> xml.writeCharacters(xmlSafe(value.toString()));
        }
        xml.writeEndElement();
    }

    /**
     * The writer escapes markup but not characters XML 1.0 forbids outright (most control
     * characters, U+FFFE, U+FFFF); one of those would make the whole document unreadable.
     */
    private static String xmlSafe(String text) {
        StringBuilder safe = new StringBuilder(text.length());
        text.codePoints().forEach(c -> safe.appendCodePoint(allowedInXml(c) ? c : '\uFFFD'));
        return safe.toString();
    }

    private static boolean allowedInXml(int c) {
        return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
                || (c >= 0x10000 && c <= 0x10FFFF);
    }
}
