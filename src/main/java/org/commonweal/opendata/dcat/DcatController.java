package org.commonweal.opendata.dcat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.commonweal.identity.Organisation;
import org.commonweal.identity.OrganisationKind;
import org.commonweal.identity.Organisations;
import org.commonweal.opendata.Dataset;
import org.commonweal.opendata.DatasetRefused;
import org.commonweal.opendata.Datasets;
import org.commonweal.opendata.OpenDataErrorCode;
import org.commonweal.opendata.OpenDataSettings;
import org.commonweal.opendata.internal.DatasetStore;
import org.commonweal.opendata.internal.SearchIndex;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The DCAT-AP 3.0.1 catalogue of public datasets ({@code /catalog.ttl|.rdf|.jsonld}, or
 * {@code /catalog} by content negotiation), paged with Hydra, newest change first, optionally only
 * what changed since a moment; and each public dataset on its own ({@code /dataset/{name}.ttl}).
 */
@RestController
@Tag(name = "DCAT-AP")
@SecurityRequirements
class DcatController {

    enum Format {
        TTL("text/turtle", "ttl"), RDF("application/rdf+xml", "rdf"), JSONLD("application/ld+json", "jsonld");

        final MediaType mediaType;
        final String extension;

        Format(String mediaType, String extension) {
            this.mediaType = new MediaType(MediaType.parseMediaType(mediaType), StandardCharsets.UTF_8);
            this.extension = extension;
        }

        static Format of(String extension) {
            for (Format f : values()) {
                if (f.extension.equals(extension)) {
                    return f;
                }
            }
            throw new DatasetRefused(OpenDataErrorCode.DATASET_NOT_FOUND, "format",
                    "Ask for .ttl (Turtle), .rdf (RDF/XML) or .jsonld (JSON-LD).");
        }
    }

    private final DatasetStore store;
    private final SearchIndex index;
    private final Datasets datasets;
    private final Organisations organisations;
    private final OpenDataSettings settings;

    DcatController(DatasetStore store, SearchIndex index, Datasets datasets, Organisations organisations,
                   OpenDataSettings settings) {
        this.store = store;
        this.index = index;
        this.datasets = datasets;
        this.organisations = organisations;
        this.settings = settings;
    }

    @GetMapping("/catalog")
    @Operation(summary = "The DCAT-AP catalogue in the format the Accept header prefers (Turtle by default)")
    ResponseEntity<String> negotiated(@RequestHeader(name = HttpHeaders.ACCEPT, defaultValue = "text/turtle") String accept,
                                      @RequestParam(defaultValue = "1") String page,
                                      @RequestParam(name = "page_size", required = false) @Nullable String pageSize,
                                      @RequestParam(name = "modified_since", required = false) @Nullable String modifiedSince) {
        return catalog(preferred(accept), page, pageSize, modifiedSince);
    }

    /** The first format the Accept header names (plain JSON means JSON-LD); Turtle when none or unreadable. */
    static Format preferred(String accept) {
        try {
            for (MediaType wanted : MediaType.parseMediaTypes(accept)) {
                if (wanted.isWildcardType()) {
                    continue;
                }
                if (wanted.isCompatibleWith(MediaType.APPLICATION_JSON)) {
                    return Format.JSONLD;
                }
                for (Format f : Format.values()) {
                    if (wanted.isCompatibleWith(f.mediaType)) {
                        return f;
                    }
                }
            }
        } catch (IllegalArgumentException e) {
            // an unreadable Accept header gets the default
        }
        return Format.TTL;
    }


    @GetMapping("/catalog.{extension}")
    @Operation(summary = "The DCAT-AP catalogue as Turtle (.ttl), RDF/XML (.rdf) or JSON-LD (.jsonld), Hydra-paged")
    ResponseEntity<String> catalog(@PathVariable String extension, @RequestParam(defaultValue = "1") String page,
                                   @RequestParam(name = "page_size", required = false) @Nullable String pageSize,
                                   @RequestParam(name = "modified_since", required = false) @Nullable String modifiedSince) {
        return catalog(Format.of(extension), page, pageSize, modifiedSince);
    }

    @GetMapping("/dataset/{name}.{extension}")
    @Operation(summary = "One public dataset as DCAT-AP")
    ResponseEntity<String> dataset(@PathVariable String name, @PathVariable String extension) {
        Format format = Format.of(extension);
        Dataset dataset = datasets.findByName(name).filter(Dataset::isPublic)
                .orElseThrow(() -> new DatasetRefused(OpenDataErrorCode.DATASET_NOT_FOUND, "name",
                        "No public dataset is named " + name + "."));
        DcatGraphs graphs = graphs();
        graphs.dataset(dataset);
        return respond(format, graphs.graph());
    }

    private ResponseEntity<String> catalog(Format format, String pageText, @Nullable String pageSizeText,
                                           @Nullable String modifiedSinceText) {
        int page = number("page", pageText, 1, 1_000_000);
        int size = pageSizeText == null ? settings.catalogPageSize()
                : number("page_size", pageSizeText, 1, settings.catalogPageSize());
        Instant since = modifiedSince(modifiedSinceText);
        List<Dataset> found = store.publicPage(since, size, (page - 1) * size);
        long total = index.countPublic(since); // the index follows every commit; counting there costs no table scan
        DcatGraphs graphs = graphs();
        Instant newest = found.isEmpty() ? Instant.EPOCH : found.getFirst().modifiedAt();
        Rdf.Subject catalog = graphs.catalog(operator(), newest);
        for (Dataset d : found) {
            catalog.iri("dcat:dataset", graphs.dataset(d));
        }
        hydra(graphs, format, page, size, total, modifiedSinceText);
        return respond(format, graphs.graph());
    }

    /** Hydra paging: where this page sits, the first, last, previous and next pages, and the total. */
    private void hydra(DcatGraphs graphs, Format format, int page, int size, long total, @Nullable String since) {
        long last = Math.max(1, (total + size - 1) / size);
        String pageIri = pageIri(format, page, size, since);
        graphs.graph().about(graphs.catalogIri()).iri("hydra:view", pageIri)
                .typed("hydra:totalItems", Long.toString(total), "xsd:nonNegativeInteger");
        Rdf.Subject view = graphs.graph().about(pageIri).type("hydra:PartialCollectionView")
                .iri("hydra:first", pageIri(format, 1, size, since))
                .iri("hydra:last", pageIri(format, last, size, since));
        if (page > 1) {
            view.iri("hydra:previous", pageIri(format, Math.min(page - 1, last), size, since));
        }
        if (page < last) {
            view.iri("hydra:next", pageIri(format, page + 1, size, since));
        }
    }

    private String pageIri(Format format, long page, int size, @Nullable String since) {
        String iri = settings.base() + "/catalog." + format.extension + "?page=" + page;
        if (size != settings.catalogPageSize()) {
            iri += "&page_size=" + size;
        }
        if (since != null) {
            iri += "&modified_since=" + java.net.URLEncoder.encode(since, StandardCharsets.UTF_8);
        }
        return iri;
    }

    private DcatGraphs graphs() {
        Map<UUID, Organisation> departments = organisations.all().stream()
                .filter(o -> o.kind() == OrganisationKind.DEPARTMENT)
                .collect(Collectors.toMap(Organisation::id, Function.identity()));
        return new DcatGraphs(settings.base(), departments);
    }

    /** The portal's operator: the data administration (member code DATA) when it exists. */
    private @Nullable Organisation operator() {
        return organisations.departments().stream().filter(o -> "DATA".equals(o.identifier().memberCode()))
                .findFirst().orElse(null);
    }

    private static ResponseEntity<String> respond(Format format, Rdf graph) {
        String body = switch (format) {
            case TTL -> RdfWriters.turtle(graph);
            case RDF -> RdfWriters.rdfXml(graph);
            case JSONLD -> RdfWriters.jsonLd(graph);
        };
        return ResponseEntity.ok().contentType(format.mediaType).header(HttpHeaders.VARY, HttpHeaders.ACCEPT).body(body);
    }

    private static int number(String field, String text, int min, int max) {
        try {
            int n = Integer.parseInt(text.strip());
            if (n < min || n > max) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new DatasetRefused(OpenDataErrorCode.FIELD_INVALID, field,
                    "The parameter " + field + " must be a whole number from " + min + " to " + max + ".");
        }
    }

    /** An ISO date ({@code 2026-01-31}, from midnight UTC) or instant ({@code 2026-01-31T08:00:00Z}). */
    private static @Nullable Instant modifiedSince(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return text.contains("T") ? java.time.OffsetDateTime.parse(text.strip()).toInstant()
                    : LocalDate.parse(text.strip()).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            throw new DatasetRefused(OpenDataErrorCode.FIELD_INVALID, "modified_since",
                    "modified_since must be a date (2026-01-31) or a time with its zone (2026-01-31T08:00:00Z).");
        }
    }
}
