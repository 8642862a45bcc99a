package org.commonweal.opendata.ckan;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.commonweal.identity.Organisation;
import org.commonweal.opendata.DataResource;
import org.commonweal.opendata.Dataset;
import org.commonweal.opendata.Theme;
import org.commonweal.opendata.internal.SearchIndex;
import org.jspecify.annotations.Nullable;

/** Datasets, resources, organisations, groups and tags as CKAN 2.10 dictionaries, field for field. */
final class PackageDicts {

    /** CKAN writes times in UTC without a zone and with microseconds: {@code 2026-01-05T08:00:00.123456}. */
    private static final DateTimeFormatter CKAN_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS");

    private final String base;
    private final Map<UUID, Organisation> organisations;

    PackageDicts(String base, Map<UUID, Organisation> organisations) {
        this.base = base;
        this.organisations = organisations;
    }

    static String time(Instant at) {
        return LocalDateTime.ofInstant(at, ZoneOffset.UTC).format(CKAN_TIME);
    }

    Map<String, @Nullable Object> dataset(Dataset d) {
        Map<String, @Nullable Object> p = new LinkedHashMap<>();
        Organisation publisher = organisations.get(d.publisherId());
        p.put("author", null);
        p.put("author_email", null);
        p.put("creator_user_id", null);
        p.put("id", d.id().toString());
        p.put("isopen", true);
        p.put("license_id", d.licence().ckanId());
        p.put("license_title", d.licence().title());
        p.put("license_url", d.licence().url());
        p.put("maintainer", d.contactName());
        p.put("maintainer_email", d.contactEmail());
        p.put("metadata_created", time(d.createdAt()));
        p.put("metadata_modified", time(d.modifiedAt()));
        p.put("name", d.name());
        p.put("notes", d.descriptionZh());
        p.put("num_resources", d.resources().size());
        p.put("num_tags", d.keywords().size());
        p.put("organization", publisher == null ? null : organisation(publisher, null));
        p.put("owner_org", d.publisherId().toString());
        p.put("private", !d.isPublic());
        p.put("state", SearchIndex.ckanState(d.state()));
        p.put("title", d.titleZh());
        p.put("type", "dataset");
        p.put("url", base + "/data/datasets/" + d.name());
        p.put("version", null);
        p.put("title_translated", Map.of("zh", d.titleZh(), "en", d.titleEn()));
        p.put("notes_translated", Map.of("zh", d.descriptionZh(), "en", d.descriptionEn()));
        p.put("extras", extras(d));
        p.put("groups", List.of(group(d.theme(), null)));
        List<Map<String, @Nullable Object>> resources = new ArrayList<>();
        d.resources().forEach(r -> resources.add(resource(r)));
        p.put("resources", resources);
        List<Map<String, @Nullable Object>> tags = new ArrayList<>();
        d.keywords().forEach(k -> tags.add(tag(k)));
        p.put("tags", tags);
        p.put("relationships_as_object", List.of());
        p.put("relationships_as_subject", List.of());
        return p;
    }

    /** Values CKAN keeps as extras; the keys are the ones ckanext-dcat reads and writes. */
    private List<Map<String, String>> extras(Dataset d) {
        List<Map<String, String>> extras = new ArrayList<>();
        extra(extras, "access_rights", d.openLevel().accessRight());
        extra(extras, "catalogue_code", d.catalogueCode());
        extra(extras, "frequency", d.frequency().uri());
        extra(extras, "language", "http://publications.europa.eu/resource/authority/language/ZHO");
        extra(extras, "open_level", d.openLevel().code());
        extra(extras, "spatial_uri", d.spatial() == null ? null : base + "/places/" + d.spatial());
        extra(extras, "temporal_end", d.temporalEnd() == null ? null : d.temporalEnd().toString());
        extra(extras, "temporal_start", d.temporalStart() == null ? null : d.temporalStart().toString());
        extra(extras, "theme", d.theme().uri());
        extra(extras, "title_en", d.titleEn());
        extra(extras, "uri", base + "/dataset/" + d.name());
        return extras;
    }

    private static void extra(List<Map<String, String>> extras, String key, @Nullable String value) {
        if (value != null) {
            Map<String, String> e = new LinkedHashMap<>();
            e.put("key", key);
            e.put("value", value);
            extras.add(e);
        }
    }

    Map<String, @Nullable Object> resource(DataResource r) {
        Map<String, @Nullable Object> m = new LinkedHashMap<>();
        m.put("cache_last_updated", null);
        m.put("cache_url", null);
        m.put("created", time(r.createdAt()));
        m.put("datastore_active", r.tabular());
        m.put("description", r.description());
        m.put("format", r.format());
        m.put("hash", r.sha256() == null ? "" : r.sha256());
        m.put("id", r.id().toString());
        m.put("last_modified", time(r.modifiedAt()));
        m.put("metadata_modified", time(r.modifiedAt()));
        m.put("mimetype", r.mediaType());
        m.put("mimetype_inner", null);
        m.put("name", r.name());
        m.put("package_id", r.datasetId().toString());
        m.put("position", r.position());
        m.put("resource_type", r.kind() == DataResource.Kind.LINK && "API".equals(r.format()) ? "api" : null);
        m.put("size", r.byteSize());
        m.put("state", "active");
        m.put("url", r.accessUrl(base));
        m.put("url_type", r.kind() == DataResource.Kind.FILE ? "upload" : null);
        return m;
    }

    Map<String, @Nullable Object> organisation(Organisation o, @Nullable Integer packageCount) {
        Map<String, @Nullable Object> m = new LinkedHashMap<>();
        m.put("id", o.id().toString());
        m.put("name", SearchIndex.organisationName(o));
        m.put("title", o.nameZh());
        m.put("type", "organization");
        m.put("description", o.nameEn());
        m.put("image_url", "");
        m.put("created", "2026-01-01T00:00:00.000000");
        m.put("is_organization", true);
        m.put("approval_status", "approved");
        m.put("state", "active");
        if (packageCount != null) {
            m.put("display_name", o.nameZh());
            m.put("package_count", packageCount);
        }
        return m;
    }

    static Map<String, @Nullable Object> group(Theme theme, @Nullable Integer packageCount) {
        Map<String, @Nullable Object> m = new LinkedHashMap<>();
        m.put("description", theme.labelEn());
        m.put("display_name", theme.labelZh());
        m.put("id", uuid("group:" + theme.slug()));
        m.put("image_display_url", "");
        m.put("name", theme.slug());
        m.put("title", theme.labelZh());
        if (packageCount != null) {
            m.put("type", "group");
            m.put("is_organization", false);
            m.put("state", "active");
            m.put("package_count", packageCount);
        }
        return m;
    }

    static Map<String, @Nullable Object> tag(String name) {
        Map<String, @Nullable Object> m = new LinkedHashMap<>();
        m.put("display_name", name);
        m.put("id", uuid("tag:" + name));
        m.put("name", name);
        m.put("state", "active");
        m.put("vocabulary_id", null);
        return m;
    }

    /** Groups and tags have no row of their own: a stable id made from their name. */
    static String uuid(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
