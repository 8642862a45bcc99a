package org.commonweal.opendata.dcat;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.json.JsonFactory;

/**
 * Writes an {@link Rdf} graph as Turtle, RDF/XML or JSON-LD. Every IRI and literal is escaped for
 * its syntax here, so text from departments (quotes, angle brackets, new lines, control
 * characters) can never break out of its place.
 */
final class RdfWriters {

    private static final JsonFactory JSON = new JsonFactory();

    private RdfWriters() {
    }

    static String turtle(Rdf graph) {
        StringBuilder out = new StringBuilder(64 * 1024);
        Rdf.PREFIXES.forEach((prefix, ns) -> out.append("@prefix ").append(prefix).append(": <").append(ns).append("> .\n"));
        for (Rdf.Subject s : graph.subjects()) {
            out.append('\n').append('<').append(iri(s.iri)).append('>');
            String separator = "\n    ";
            if (!s.types.isEmpty()) {
                out.append(separator).append("a ").append(String.join(", ", s.types));
                separator = " ;\n    ";
            }
            Map<String, List<Rdf.Node>> byPredicate = grouped(s);
            for (Map.Entry<String, List<Rdf.Node>> p : byPredicate.entrySet()) {
                out.append(separator).append(p.getKey()).append(' ');
                separator = " ;\n    ";
                boolean first = true;
                for (Rdf.Node o : p.getValue()) {
                    if (!first) {
                        out.append(", ");
                    }
                    first = false;
                    turtleNode(out, o);
                }
            }
            out.append(" .\n");
        }
        return out.toString();
    }

    private static void turtleNode(StringBuilder out, Rdf.Node node) {
        switch (node) {
            case Rdf.Iri iri -> out.append('<').append(iri(iri.value())).append('>');
            case Rdf.Literal l -> {
                out.append('"');
                for (int i = 0; i < l.value().length(); i++) {
                    char c = l.value().charAt(i);
                    switch (c) {
                        case '"' -> out.append("\\\"");
                        case '\\' -> out.append("\\\\");
                        case '\n' -> out.append("\\n");
                        case '\r' -> out.append("\\r");
                        case '\t' -> out.append("\\t");
                        default -> {
                            if (c < 0x20 || c == 0x7F) {
                                out.append(String.format("\\u%04X", (int) c));
                            } else {
                                out.append(c);
                            }
                        }
                    }
                }
                out.append('"');
                if (l.language() != null) {
                    out.append('@').append(l.language());
                } else if (l.datatype() != null) {
                    out.append("^^").append(l.datatype());
                }
            }
        }
    }

    static String rdfXml(Rdf graph) {
        StringBuilder out = new StringBuilder(64 * 1024);
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rdf:RDF");
        Rdf.PREFIXES.forEach((prefix, ns) -> out.append("\n    xmlns:").append(prefix).append("=\"").append(ns).append('"'));
        out.append(">\n");
        for (Rdf.Subject s : graph.subjects()) {
            out.append("  <rdf:Description rdf:about=\"").append(xml(s.iri)).append("\">\n");
            for (String type : s.types) {
                out.append("    <rdf:type rdf:resource=\"").append(xml(Rdf.expand(type))).append("\"/>\n");
            }
            for (Rdf.Statement st : s.statements) {
                out.append("    <").append(st.predicate());
                switch (st.object()) {
                    case Rdf.Iri iri -> out.append(" rdf:resource=\"").append(xml(iri.value())).append("\"/>\n");
                    case Rdf.Literal l -> {
                        if (l.language() != null) {
                            out.append(" xml:lang=\"").append(l.language()).append('"');
                        } else if (l.datatype() != null) {
                            out.append(" rdf:datatype=\"").append(xml(Rdf.expand(l.datatype()))).append('"');
                        }
                        out.append('>').append(xml(l.value())).append("</").append(st.predicate()).append(">\n");
                    }
                }
            }
            out.append("  </rdf:Description>\n");
        }
        return out.append("</rdf:RDF>\n").toString();
    }

    static String jsonLd(Rdf graph) {
        StringWriter text = new StringWriter(64 * 1024);
        try (JsonGenerator json = JSON.createGenerator(text)) {
            json.writeStartObject();
            json.writeName("@context");
            json.writeStartObject();
            for (Map.Entry<String, String> p : Rdf.PREFIXES.entrySet()) {
                json.writeStringProperty(p.getKey(), p.getValue());
            }
            json.writeEndObject();
            json.writeName("@graph");
            json.writeStartArray();
            for (Rdf.Subject s : graph.subjects()) {
                json.writeStartObject();
                json.writeStringProperty("@id", s.iri);
                if (!s.types.isEmpty()) {
                    json.writeName("@type");
                    json.writeStartArray();
                    for (String type : s.types) {
                        json.writeString(type);
                    }
                    json.writeEndArray();
                }
                for (Map.Entry<String, List<Rdf.Node>> p : grouped(s).entrySet()) {
                    json.writeName(p.getKey());
                    json.writeStartArray();
                    for (Rdf.Node o : p.getValue()) {
                        json.writeStartObject();
                        switch (o) {
                            case Rdf.Iri iri -> json.writeStringProperty("@id", iri.value());
                            case Rdf.Literal l -> {
                                json.writeStringProperty("@value", l.value());
                                if (l.language() != null) {
                                    json.writeStringProperty("@language", l.language());
                                } else if (l.datatype() != null) {
                                    json.writeStringProperty("@type", l.datatype());
                                }
                            }
                        }
                        json.writeEndObject();
                    }
                    json.writeEndArray();
                }
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        return text.toString();
    }

    private static Map<String, List<Rdf.Node>> grouped(Rdf.Subject s) {
        Map<String, List<Rdf.Node>> byPredicate = new LinkedHashMap<>();
        for (Rdf.Statement st : s.statements) {
            byPredicate.computeIfAbsent(st.predicate(), k -> new ArrayList<>()).add(st.object());
        }
        return byPredicate;
    }

    /** Turtle IRIREF: characters it forbids are percent-encoded (they never occur in our own IRIs). */
    private static String iri(String value) {
        StringBuilder out = null;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c <= 0x20 || "<>\"{}|^`\\".indexOf(c) >= 0) {
                if (out == null) {
                    out = new StringBuilder(value.substring(0, i));
                }
                out.append(String.format("%%%02X", (int) c));
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? value : out.toString();
    }

    /** XML text and attributes: the five special characters escaped, characters XML 1.0 cannot hold dropped. */
    private static String xml(String value) {
        StringBuilder out = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                case '\r' -> out.append("&#13;");
                default -> {
                    if (c >= 0x20 || c == '\n' || c == '\t') {
                        if (c != 0xFFFE && c != 0xFFFF) {
                            out.append(c);
                        }
                    }
                }
            }
        }
        return out.toString();
    }
}
