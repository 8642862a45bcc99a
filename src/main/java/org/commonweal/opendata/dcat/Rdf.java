package org.commonweal.opendata.dcat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * A small RDF graph kept in the order it was built: subjects, their types and their statements.
 * The writers turn it into Turtle, RDF/XML or JSON-LD; building once and writing three ways keeps
 * the three formats saying exactly the same thing.
 */
final class Rdf {

    static final Map<String, String> PREFIXES = new LinkedHashMap<>();

    static {
        PREFIXES.put("dcat", "http://www.w3.org/ns/dcat#");
        PREFIXES.put("dct", "http://purl.org/dc/terms/");
        PREFIXES.put("foaf", "http://xmlns.com/foaf/0.1/");
        PREFIXES.put("vcard", "http://www.w3.org/2006/vcard/ns#");
        PREFIXES.put("skos", "http://www.w3.org/2004/02/skos/core#");
        PREFIXES.put("spdx", "http://spdx.org/rdf/terms#");
        PREFIXES.put("hydra", "http://www.w3.org/ns/hydra/core#");
        PREFIXES.put("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#");
        PREFIXES.put("rdfs", "http://www.w3.org/2000/01/rdf-schema#");
        PREFIXES.put("xsd", "http://www.w3.org/2001/XMLSchema#");
    }

    /** An object: an IRI, or a literal with a language or a datatype (a prefixed name such as {@code xsd:date}). */
    sealed interface Node permits Iri, Literal {
    }

    record Iri(String value) implements Node {
    }

    record Literal(String value, @Nullable String language, @Nullable String datatype) implements Node {
    }

    record Statement(String predicate, Node object) {
    }

    static final class Subject {
        final String iri;
        final Set<String> types = new LinkedHashSet<>();
        final List<Statement> statements = new ArrayList<>();

        Subject(String iri) {
            this.iri = iri;
        }

        Subject type(String type) {
            types.add(type);
            return this;
        }

        Subject iri(String predicate, String iri) {
            statements.add(new Statement(predicate, new Iri(iri)));
            return this;
        }

        Subject text(String predicate, String value, String language) {
            statements.add(new Statement(predicate, new Literal(value, language, null)));
            return this;
        }

        Subject plain(String predicate, String value) {
            statements.add(new Statement(predicate, new Literal(value, null, null)));
            return this;
        }

        Subject typed(String predicate, String value, String datatype) {
            statements.add(new Statement(predicate, new Literal(value, null, datatype)));
            return this;
        }
    }

    private final Map<String, Subject> subjects = new LinkedHashMap<>();

    /** The subject with this IRI, made on first use; statements added later keep their order. */
    Subject about(String iri) {
        return subjects.computeIfAbsent(iri, Subject::new);
    }

    boolean has(String iri) {
        return subjects.containsKey(iri);
    }

    Iterable<Subject> subjects() {
        return subjects.values();
    }

    /** The full IRI of a prefixed name such as {@code dct:title}. */
    static String expand(String prefixed) {
        int colon = prefixed.indexOf(':');
        return PREFIXES.get(prefixed.substring(0, colon)) + prefixed.substring(colon + 1);
    }
}
