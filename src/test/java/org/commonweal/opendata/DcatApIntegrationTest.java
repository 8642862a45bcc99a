package org.commonweal.opendata;

import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.validation.Severity;
import org.commonweal.opendata.internal.DatasetStore;
import org.commonweal.support.CommonwealIntegrationTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The DCAT-AP 3.0.1 catalogue over real HTTP, checked with Apache Jena SHACL against the official
 * shapes and ranges (zero violations); the recommended-property warnings are printed.
 */
@CommonwealIntegrationTest
class DcatApIntegrationTest extends OpenDataTestSupport {

    private static final String DCAT = "http://www.w3.org/ns/dcat#";
    private static final String HYDRA = "http://www.w3.org/ns/hydra/core#";
    private static final Node DATASET = NodeFactory.createURI(DCAT + "dataset");

    static Path reference() {
        Path beside = Path.of("..", "shared", "reference", "dcat-ap");
        return Files.isDirectory(beside) ? beside : Path.of("/work/shared/reference/dcat-ap");
    }

    private static final Shapes MANDATORY = shapes("3.0.1/dcat-ap-SHACL.ttl", "3.0.1/ranges.ttl");
    private static final Shapes RECOMMENDED = shapes("3.0.1/html-shacl/shapes_recommended.ttl");

    private static Shapes shapes(String... files) {
        Model model = ModelFactory.createDefaultModel();
        for (String file : files) {
            RDFDataMgr.read(model, reference().resolve(file).toString());
        }
        // The published 3.0.1 file names a few property shapes it never defines (dcat:RelationshipShape);
        // Jena refuses such a file, so those dangling references are dropped here, and said so.
        Graph graph = model.getGraph();
        Node property = NodeFactory.createURI("http://www.w3.org/ns/shacl#property");
        for (Triple t : graph.find(Node.ANY, property, Node.ANY).toList()) {
            if (t.getObject().isURI() && !graph.find(t.getObject(), Node.ANY, Node.ANY).hasNext()) {
                System.out.println("DCAT-AP shapes: dropped undefined property shape " + t.getObject());
                graph.delete(t);
            }
        }
        return Shapes.parse(graph);
    }

    static Graph parse(String body, Lang lang) {
        return RDFParser.create().source(new StringReader(body)).lang(lang).base("http://localhost/").toGraph();
    }

    private Graph fetch(String path, Lang lang) {
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return parse(response.body(), lang);
    }

    /** Zero violations of the mandatory shapes and ranges; the warnings for recommended properties are printed. */
    static void conforms(Graph graph, String what) {
        ValidationReport report = ShaclValidator.get().validate(MANDATORY, graph);
        List<String> violations = report.getEntries().stream()
                .map(e -> e.severity().level().getLocalName() + " " + e.focusNode() + " " + e.resultPath() + ": " + e.message())
                .toList();
        assertThat(violations).as(what).isEmpty();
        ValidationReport recommended = ShaclValidator.get().validate(RECOMMENDED, graph);
        recommended.getEntries().stream().map(e -> e.focusNode() + " " + e.resultPath() + " " + e.message()).distinct()
                .forEach(m -> System.out.println("DCAT-AP recommended (" + what + "): " + m));
        assertThat(recommended.getEntries()).allMatch(e -> e.severity() == Severity.Warning);
    }

    /**
     * No blank nodes are written, so the same graph means the same set of triples; only the Hydra
     * page addresses differ, each naming its own format.
     */
    static void sameTriples(Graph actual, Graph expected, String what) {
        assertThat(withoutPages(actual)).as(what).containsExactlyInAnyOrderElementsOf(withoutPages(expected));
    }

    private static java.util.Set<Triple> withoutPages(Graph graph) {
        return graph.find().filterDrop(t -> t.getSubject().toString().contains("/catalog.")
                || t.getObject().toString().contains("/catalog.")).toSet();
    }

    private static long count(Graph graph, Node predicate) {
        return graph.find(Node.ANY, predicate, Node.ANY).toList().size();
    }

    private long publicCount() {
        return jdbc.sql("SELECT count(*) FROM opendata_dataset WHERE " + DatasetStore.PUBLIC).query(Long.class).single();
    }

    @Nested
    class Catalogue {

        @Test
        void everyFormatConformsAndSaysTheSame() {
            Graph turtle = fetch("/catalog.ttl", Lang.TURTLE);
            conforms(turtle, "catalog.ttl");
            assertThat(count(turtle, DATASET)).isEqualTo(Math.min(100, publicCount()));
            Graph xml = fetch("/catalog.rdf", Lang.RDFXML);
            Graph jsonLd = fetch("/catalog.jsonld", Lang.JSONLD);
            sameTriples(xml, turtle, "RDF/XML");
            sameTriples(jsonLd, turtle, "JSON-LD");
        }

        @Test
        void contentNegotiationPicksTheFormat() {
            HttpResponse<String> xml = get("/catalog", "Accept", "application/rdf+xml");
            assertThat(xml.headers().firstValue("Content-Type").orElse("")).startsWith("application/rdf+xml");
            parse(xml.body(), Lang.RDFXML);
            HttpResponse<String> jsonLd = get("/catalog", "Accept", "application/ld+json;q=1.0, text/turtle;q=0.5");
            assertThat(jsonLd.headers().firstValue("Content-Type").orElse("")).startsWith("application/ld+json");
            HttpResponse<String> browser = get("/catalog", "Accept", "text/html,*/*;q=0.8");
            assertThat(browser.headers().firstValue("Content-Type").orElse("")).startsWith("text/turtle");
            assertThat(get("/catalog", "Accept", "not a media type").statusCode()).isEqualTo(200);
        }

        @Test
        void pagesWithHydraFromFirstToLast() {
            long total = publicCount();
            int pages = (int) ((total + 9) / 10);
            long seen = 0;
            for (int page = 1; page <= pages; page++) {
                Graph g = fetch("/catalog.ttl?page_size=10&page=" + page, Lang.TURTLE);
                conforms(g, "page " + page);
                seen += count(g, DATASET);
                Node view = NodeFactory.createURI("http://localhost:8080/catalog.ttl?page=" + page + "&page_size=10");
                assertThat(g.contains(view, NodeFactory.createURI("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
                        NodeFactory.createURI(HYDRA + "PartialCollectionView"))).isTrue();
                assertThat(g.contains(view, NodeFactory.createURI(HYDRA + "next"), Node.ANY)).isEqualTo(page < pages);
                assertThat(g.contains(view, NodeFactory.createURI(HYDRA + "previous"), Node.ANY)).isEqualTo(page > 1);
                Triple totalItems = g.find(Node.ANY, NodeFactory.createURI(HYDRA + "totalItems"), Node.ANY).next();
                assertThat(totalItems.getObject().getLiteralLexicalForm()).isEqualTo(Long.toString(total));
            }
            assertThat(seen).isEqualTo(total);
        }

        @Test
        void modifiedSinceLeavesOutOlderChanges() {
            Graph none = fetch("/catalog.ttl?modified_since=2030-01-01", Lang.TURTLE);
            assertThat(count(none, DATASET)).isZero();
            conforms(none, "empty catalogue");
            Graph all = fetch("/catalog.ttl?modified_since=2020-01-01T00:00:00Z", Lang.TURTLE);
            assertThat(count(all, DATASET)).isEqualTo(Math.min(100, publicCount()));
        }

        @Test
        void notOpenAndDraftDatasetsAreNeverInIt() {
            String turtle = get("/catalog.ttl").body();
            assertThat(turtle).doesNotContain("qinghe-taxi-trips", "qinghe-medical-records", "qinghe-open-data-draft",
                    "出租车运营轨迹");
            assertThat(get("/dataset/qinghe-taxi-trips.ttl").statusCode()).isEqualTo(404);
            assertThat(get("/dataset/qinghe-open-data-draft.jsonld").statusCode()).isEqualTo(404);
        }

        @Test
        void badParametersAreProblemDetails() {
            for (String query : List.of("page=0", "page=abc", "page_size=101", "page_size=-1", "modified_since=yesterday",
                    "page=99999999999")) {
                HttpResponse<String> response = get("/catalog.ttl?" + query);
                assertThat(response.statusCode()).as(query).isEqualTo(400);
                JsonNode problem = json(response);
                assertThat(problem.get("code").asString()).isEqualTo("field_invalid");
            }
            assertThat(get("/catalog.exe").statusCode()).isEqualTo(404);
        }
    }

    @Nested
    class OneDataset {

        @Test
        void eachPublicDatasetConformsInEveryFormat() {
            Graph turtle = fetch("/dataset/qinghe-bus-stops.ttl", Lang.TURTLE);
            conforms(turtle, "qinghe-bus-stops");
            sameTriples(fetch("/dataset/qinghe-bus-stops.rdf", Lang.RDFXML), turtle, "RDF/XML");
            sameTriples(fetch("/dataset/qinghe-bus-stops.jsonld", Lang.JSONLD), turtle, "JSON-LD");
            conforms(fetch("/dataset/qinghe-realtime-bus-api.ttl", Lang.TURTLE), "conditional API dataset");
        }

        @Test
        void hostileTextStaysInsideItsLiterals() {
            String nasty = "Quote \" and \"\"\" triple, <script>alert(1)</script> & ]]> \\ back\\slash\nnew line\ttab \u0001 end";
            Dataset d = datasets.create(new DatasetDraft("hostile-text-dataset", nasty, nasty, nasty, nasty, Theme.GOVE,
                    List.of("v1.0", "x_y"), Licence.CC_BY, department("DATA").id(), "Name \"<x>\"",
                    "x@example.org", null, null, null, Frequency.IRREG, OpenLevel.UNCONDITIONAL, null), true, platformAdmin());
            for (Lang lang : List.of(Lang.TURTLE, Lang.RDFXML, Lang.JSONLD)) {
                String ext = lang == Lang.TURTLE ? "ttl" : lang == Lang.RDFXML ? "rdf" : "jsonld";
                Graph g = fetch("/dataset/" + d.name() + "." + ext, lang);
                conforms(g, "hostile text " + ext);
                assertThat(g.find(NodeFactory.createURI("http://localhost:8080/dataset/" + d.name()),
                                NodeFactory.createURI("http://purl.org/dc/terms/title"), Node.ANY).toList())
                        .extracting(t -> t.getObject().getLiteralLexicalForm()).hasSize(2)
                        .allMatch(title -> title.equals(nasty.replace("\u0001", "")));
            }
        }
    }
}
