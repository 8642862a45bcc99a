package org.commonweal.opendata.dcat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import org.commonweal.identity.Organisation;
import org.commonweal.opendata.DataResource;
import org.commonweal.opendata.Dataset;
import org.commonweal.opendata.internal.SearchIndex;
import org.jspecify.annotations.Nullable;

/**
 * Datasets as DCAT-AP 3.0.1: the catalogue, datasets, distributions, publishers and contact
 * points, with the EU controlled vocabularies (data themes, frequencies, file types, licences,
 * languages, access rights) typed as the DCAT-AP range shapes require.
 */
final class DcatGraphs {

    private static final String EU = "http://publications.europa.eu/resource/authority/";
    private static final String ZHO = EU + "language/ZHO";
    private static final String ENG = EU + "language/ENG";
    private static final String LOCAL_AUTHORITY = "http://purl.org/adms/publishertype/LocalAuthority";
    private static final Map<String, String> MEDIA_TYPES = Map.of(
            "CSV", "text/csv", "JSON", "application/json",
            "XLSX", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "XML", "application/xml", "HTML", "text/html", "PDF", "application/pdf");

    private final String base;
    private final Map<UUID, Organisation> publishers;
    private final Rdf graph = new Rdf();

    DcatGraphs(String base, Map<UUID, Organisation> publishers) {
        this.base = base;
        this.publishers = publishers;
    }

    Rdf graph() {
        return graph;
    }

    String catalogIri() {
        return base + "/catalog";
    }

    /** The catalogue itself, described by the portal's operator. */
    Rdf.Subject catalog(@Nullable Organisation operator, Instant modified) {
        Rdf.Subject c = graph.about(catalogIri()).type("dcat:Catalog")
                .text("dct:title", "清河市公共数据开放平台", "zh")
                .text("dct:title", "Qinghe open data portal", "en")
                .text("dct:description", "清河市各部门开放的公共数据目录。", "zh")
                .text("dct:description", "The catalogue of public data opened by the departments of Qinghe.", "en")
                .iri("foaf:homepage", base + "/data/datasets")
                .iri("dct:language", ZHO).iri("dct:language", ENG)
                .iri("dcat:themeTaxonomy", EU + "data-theme")
                .typed("dct:modified", dateTime(modified), "xsd:dateTime");
        if (operator != null) {
            c.iri("dct:publisher", agent(operator));
        }
        graph.about(ZHO).type("dct:LinguisticSystem");
        graph.about(ENG).type("dct:LinguisticSystem");
        graph.about(base + "/data/datasets").type("foaf:Document");
        graph.about(EU + "data-theme").type("skos:ConceptScheme").text("dct:title", "Data theme", "en");
        return c;
    }

    /** The dataset, its distributions and the things they point to; returns the dataset's IRI. */
    String dataset(Dataset d) {
        String iri = datasetIri(d.name());
        Rdf.Subject s = graph.about(iri).type("dcat:Dataset")
                .plain("dct:identifier", d.id().toString())
                .text("dct:title", d.titleZh(), "zh").text("dct:title", d.titleEn(), "en")
                .text("dct:description", d.descriptionZh(), "zh").text("dct:description", d.descriptionEn(), "en")
                .typed("dct:issued", dateTime(d.publishedAt() == null ? d.createdAt() : d.publishedAt()), "xsd:dateTime")
                .typed("dct:modified", dateTime(d.modifiedAt()), "xsd:dateTime");
        for (String keyword : d.keywords()) {
            s.text("dcat:keyword", keyword, keyword.chars().anyMatch(c -> c > 0x2E80) ? "zh" : "en");
        }
        s.iri("dcat:theme", concept(d.theme().uri(), EU + "data-theme", d.theme().labelEn()));
        s.iri("dct:accrualPeriodicity", typed(d.frequency().uri(), "dct:Frequency"));
        s.iri("dct:accessRights", typed(d.openLevel().accessRight(), "dct:RightsStatement"));
        s.iri("dct:language", ZHO);
        graph.about(ZHO).type("dct:LinguisticSystem");
        String landing = base + "/data/datasets/" + d.name();
        s.iri("dcat:landingPage", landing);
        graph.about(landing).type("foaf:Document");
        Organisation publisher = publishers.get(d.publisherId());
        if (publisher != null) {
            s.iri("dct:publisher", agent(publisher));
        }
        String contact = iri + "#contact";
        s.iri("dcat:contactPoint", contact);
        graph.about(contact).type("vcard:Kind").type("vcard:Organization").text("vcard:fn", d.contactName(), "zh")
                .iri("vcard:hasEmail", "mailto:" + d.contactEmail());
        if (d.temporalStart() != null || d.temporalEnd() != null) {
            String period = iri + "#temporal";
            s.iri("dct:temporal", period);
            Rdf.Subject p = graph.about(period).type("dct:PeriodOfTime");
            if (d.temporalStart() != null) {
                p.typed("dcat:startDate", d.temporalStart().toString(), "xsd:date");
            }
            if (d.temporalEnd() != null) {
                p.typed("dcat:endDate", d.temporalEnd().toString(), "xsd:date");
            }
        }
        if (d.spatial() != null) {
            String place = base + "/places/" + d.spatial();
            s.iri("dct:spatial", place);
            graph.about(place).type("dct:Location");
        }
        for (DataResource r : d.resources()) {
            s.iri("dcat:distribution", distribution(d, r));
        }
        return iri;
    }

    String datasetIri(String name) {
        return base + "/dataset/" + name;
    }

    private String distribution(Dataset d, DataResource r) {
        String iri = datasetIri(d.name()) + "/resource/" + r.id();
        String access = r.accessUrl(base);
        Rdf.Subject s = graph.about(iri).type("dcat:Distribution")
                .text("dct:title", r.name(), "zh")
                .iri("dcat:accessURL", access)
                .typed("dct:issued", dateTime(r.createdAt()), "xsd:dateTime")
                .typed("dct:modified", dateTime(r.modifiedAt()), "xsd:dateTime")
                .iri("dct:license", typed(d.licence().uri(), "dct:LicenseDocument"))
                .iri("dct:rights", typed(d.openLevel().accessRight(), "dct:RightsStatement"));
        graph.about(access).type("rdfs:Resource");
        if (!r.description().isBlank()) {
            s.text("dct:description", r.description(), "zh");
        }
        if (r.kind() == DataResource.Kind.FILE) {
            s.iri("dcat:downloadURL", access);
        }
        if (!"API".equals(r.format())) {
            s.iri("dct:format", typed(EU + "file-type/" + r.format(), "dct:MediaTypeOrExtent"));
        }
        String media = r.mediaType() != null ? r.mediaType() : MEDIA_TYPES.get(r.format());
        if (media != null) {
            s.iri("dcat:mediaType", typed("https://www.iana.org/assignments/media-types/" + media, "dct:MediaType"));
        }
        if (r.byteSize() != null) {
            s.typed("dcat:byteSize", Long.toString(r.byteSize()), "xsd:nonNegativeInteger");
        }
        if (r.sha256() != null) {
            String checksum = iri + "#checksum";
            s.iri("spdx:checksum", checksum);
            graph.about(checksum).type("spdx:Checksum")
                    .iri("spdx:algorithm", typed("http://spdx.org/rdf/terms#checksumAlgorithm_sha256", "spdx:ChecksumAlgorithm"))
                    .typed("spdx:checksumValue", r.sha256(), "xsd:hexBinary");
        }
        return iri;
    }

    private String agent(Organisation o) {
        String iri = base + "/organization/" + SearchIndex.organisationName(o);
        if (!graph.has(iri)) {
            graph.about(iri).type("foaf:Agent").type("foaf:Organization")
                    .text("foaf:name", o.nameZh(), "zh").text("foaf:name", o.nameEn(), "en")
                    .iri("dct:type", concept(LOCAL_AUTHORITY, "http://purl.org/adms/publishertype/1.0", "Local Authority"));
        }
        return iri;
    }

    private String concept(String iri, String scheme, String label) {
        if (!graph.has(iri)) {
            graph.about(iri).type("skos:Concept").text("skos:prefLabel", label, "en").iri("skos:inScheme", scheme);
            if (!graph.has(scheme)) {
                graph.about(scheme).type("skos:ConceptScheme").text("dct:title", scheme.substring(scheme.lastIndexOf('/') + 1), "en");
            }
        }
        return iri;
    }

    private String typed(String iri, String type) {
        graph.about(iri).type(type);
        return iri;
    }

    static String dateTime(Instant at) {
        return at.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
