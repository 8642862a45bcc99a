package org.commonweal.opendata.ckan;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Sort;
import org.commonweal.identity.CommonwealUser;
import org.commonweal.identity.Organisation;
import org.commonweal.identity.OrganisationKind;
import org.commonweal.identity.Organisations;
import org.commonweal.identity.Role;
import org.commonweal.opendata.Dataset;
import org.commonweal.opendata.Datasets;
import org.commonweal.opendata.OpenDataSettings;
import org.commonweal.opendata.Theme;
import org.commonweal.opendata.internal.DatasetQuery;
import org.commonweal.opendata.internal.DatasetStore;
import org.commonweal.opendata.internal.SearchHits;
import org.commonweal.opendata.internal.SearchIndex;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** The read actions of CKAN's Action API, answered from the database and the search index. */
@Component
class CkanActions {

    static final Map<String, String> HELP = new LinkedHashMap<>();

    static {
        HELP.put("package_search", "Searches for packages satisfying a given search criteria. Parameters: q, fq, fq_list,"
                + " sort (e.g. 'score desc, metadata_modified desc', 'id asc'), rows (at most 1000), start,"
                + " facet, facet.field (a JSON list), facet.limit, facet.mincount, include_private, include_drafts.");
        HELP.put("package_show", "Return the metadata of a dataset (package) and its resources. Parameters: id (id or name).");
        HELP.put("package_list", "Return a list of the names of the site's datasets (packages). Parameters: limit, offset.");
        HELP.put("current_package_list_with_resources", "Return a list of the site's datasets (packages) and their"
                + " resources, most recently modified first. Parameters: limit, offset, page.");
        HELP.put("organization_list", "Return a list of the names of the site's organizations. Parameters: sort,"
                + " limit, offset, organizations, all_fields.");
        HELP.put("organization_show", "Return the details of an organization. Parameters: id (id or name),"
                + " include_datasets.");
        HELP.put("group_list", "Return a list of the names of the site's groups (data themes). Parameters: sort,"
                + " limit, offset, groups, all_fields.");
        HELP.put("group_show", "Return the details of a group (data theme). Parameters: id (id or name), include_datasets.");
        HELP.put("tag_list", "Return a list of the site's tags. Parameters: query, all_fields.");
        HELP.put("resource_show", "Return the metadata of a resource. Parameters: id.");
        HELP.put("status_show", "Return a dictionary with information about the site's configuration.");
        HELP.put("help_show", "Return the help string for a particular API action. Parameters: name.");
    }

    private static final int ROWS_MAX = 1000;

    private final Datasets datasets;
    private final DatasetStore store;
    private final SearchIndex index;
    private final Organisations organisations;
    private final OpenDataSettings settings;
    private final Clock clock;

    CkanActions(Datasets datasets, DatasetStore store, SearchIndex index, Organisations organisations,
                OpenDataSettings settings, Clock clock) {
        this.datasets = datasets;
        this.store = store;
        this.index = index;
        this.organisations = organisations;
        this.settings = settings;
        this.clock = clock;
    }

    static boolean knows(String action) {
        return HELP.containsKey(action);
    }

    @Nullable Object run(String action, ActionData data, @Nullable CommonwealUser user) {
        return switch (action) {
            case "package_search" -> packageSearch(data, user);
            case "package_show" -> packageShow(data, user);
            case "package_list" -> store.publicNames(data.naturalNumber("limit", Integer.MAX_VALUE),
                    data.naturalNumber("offset", 0));
            case "current_package_list_with_resources" -> currentPackages(data);
            case "organization_list" -> organisationList(data);
            case "organization_show" -> organisationShow(data, user);
            case "group_list" -> groupList(data);
            case "group_show" -> groupShow(data, user);
            case "tag_list" -> tagList(data);
            case "resource_show" -> resourceShow(data, user);
            case "status_show" -> status();
            case "help_show" -> help(data);
            default -> throw new IllegalArgumentException(action);
        };
    }

    private Map<String, Object> packageSearch(ActionData data, @Nullable CommonwealUser user) {
        int rows = Math.min(ROWS_MAX, data.naturalNumber("rows", 10));
        int start = data.naturalNumber("start", 0);
        int facetMin = data.naturalNumber("facet.mincount", 1);
        int facetLimit = data.integer("facet.limit", 50);
        List<String> facetFields = Optional.ofNullable(data.stringList("facet.field")).orElse(List.of());
        boolean facets = !"false".equalsIgnoreCase(Optional.ofNullable(data.string("facet")).orElse("true"));
        for (String field : facetFields) {
            if (!SearchIndex.FACETS.contains(field)) {
                throw CkanFailure.search("undefined field " + field);
            }
        }
        String sortText = data.string("sort");
        Sort sort = sortText == null || sortText.isBlank() ? null : FilterQueries.sort(sortText);
        FilterQueries parser = new FilterQueries(index::textQuery);
        BooleanQuery.Builder filters = new BooleanQuery.Builder();
        boolean anyFilter = false;
        String q = Optional.ofNullable(data.string("q")).orElse("").strip();
        String text = q;
        if (q.contains(":") && !"*:*".equals(q)) {
            // CKAN sends a query with a colon to Solr as a fielded query
            filters.add(parser.parse(q, clock.instant()), Occur.MUST);
            anyFilter = true;
            text = "";
        }
        List<String> fqs = new ArrayList<>();
        Optional.ofNullable(data.string("fq")).ifPresent(fqs::add);
        Optional.ofNullable(data.has("fq_list") ? data.stringList("fq_list") : null).ifPresent(fqs::addAll);
        for (String fq : fqs) {
            if (!fq.isBlank()) {
                filters.add(parser.parse(fq, clock.instant()), Occur.MUST);
                anyFilter = true;
            }
        }
        boolean includePrivate = data.bool("include_private") || data.bool("include_drafts");
        boolean everything = includePrivate && user != null && (user.has(Role.AUDITOR) || user.has(Role.PLATFORM_ADMIN));
        UUID alsoOf = includePrivate && user != null ? user.organisationId() : null;
        Query filterQuery = anyFilter ? filters.build() : null;
        SearchHits hits = index.search(new DatasetQuery(text, filterQuery, sort, start, rows,
                facets ? facetFields : List.of(), facetLimit, facetMin, alsoOf, everything));
        PackageDicts dicts = dicts();
        Map<String, String> organisationTitles = hits.facets().containsKey("organization")
                ? organisations.departments().stream().collect(Collectors.toMap(SearchIndex::organisationName,
                        Organisation::nameZh, (a, b) -> a))
                : Map.of();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("count", hits.count());
        Map<String, Object> facetCounts = new LinkedHashMap<>();
        Map<String, Object> searchFacets = new LinkedHashMap<>();
        hits.facets().forEach((field, values) -> {
            Map<String, Integer> counts = new LinkedHashMap<>();
            List<Map<String, Object>> items = new ArrayList<>();
            for (SearchHits.FacetValue v : values) {
                counts.put(v.value(), v.count());
                items.add(Map.of("count", v.count(), "display_name", displayName(field, v.value(), organisationTitles), "name", v.value()));
            }
            facetCounts.put(field, counts);
            searchFacets.put(field, Map.of("title", field, "items", items));
        });
        result.put("facets", facetCounts);
        result.put("results", store.findAll(hits.ids()).stream().map(dicts::dataset).toList());
        result.put("sort", sortText == null || sortText.isBlank() ? "score desc, metadata_modified desc" : sortText);
        result.put("search_facets", searchFacets);
        return result;
    }

    private static String displayName(String field, String value, Map<String, String> organisationTitles) {
        return switch (field) {
            case "organization" -> organisationTitles.getOrDefault(value, value);
            case "groups" -> Theme.find(value).map(Theme::labelZh).orElse(value);
            default -> value;
        };
    }

    private Map<String, @Nullable Object> packageShow(ActionData data, @Nullable CommonwealUser user) {
        String id = data.required("id");
        Dataset dataset = datasets.findByIdOrName(id).filter(d -> visible(d, user))
                .orElseThrow(() -> CkanFailure.notFound(""));
        return dicts().dataset(dataset);
    }

    private List<Map<String, @Nullable Object>> currentPackages(ActionData data) {
        int limit = data.naturalNumber("limit", 10);
        int offset = data.naturalNumber("offset", 0);
        if (data.has("page")) {
            int page = data.integer("page", 1);
            if (page < 1) {
                throw CkanFailure.validation("page", "Must be a positive integer");
            }
            offset = (page - 1) * limit;
        }
        PackageDicts dicts = dicts();
        return store.publicPage(null, Math.min(limit, ROWS_MAX), offset).stream().map(dicts::dataset).toList();
    }

    private List<?> organisationList(ActionData data) {
        Map<UUID, Integer> counts = store.publicCountsByPublisher();
        List<Organisation> departments = new ArrayList<>(organisations.departments());
        List<String> only = data.has("organizations") ? data.stringList("organizations") : null;
        if (only != null) {
            departments.removeIf(o -> !only.contains(SearchIndex.organisationName(o)));
        }
        departments.sort(order(data.string("sort"), SearchIndex::organisationName, Organisation::nameZh,
                o -> counts.getOrDefault(o.id(), 0)));
        List<Organisation> page = page(departments, data);
        PackageDicts dicts = dicts();
        if (data.bool("all_fields")) {
            return page.stream().map(o -> dicts.organisation(o, counts.getOrDefault(o.id(), 0))).toList();
        }
        return page.stream().map(SearchIndex::organisationName).toList();
    }

    private Map<String, @Nullable Object> organisationShow(ActionData data, @Nullable CommonwealUser user) {
        String id = data.required("id");
        Organisation o = organisations.departments().stream()
                .filter(d -> d.id().toString().equals(id) || SearchIndex.organisationName(d).equals(id))
                .findFirst().orElseThrow(() -> CkanFailure.notFound(""));
        int count = store.publicCountsByPublisher().getOrDefault(o.id(), 0);
        Map<String, @Nullable Object> dict = dicts().organisation(o, count);
        if (data.bool("include_datasets")) {
            dict.put("packages", datasetsWhere("organization:\"" + SearchIndex.organisationName(o) + "\"", user));
        }
        dict.put("users", List.of());
        dict.put("extras", List.of());
        dict.put("groups", List.of());
        dict.put("tags", List.of());
        return dict;
    }

    private List<?> groupList(ActionData data) {
        Map<String, Integer> counts = store.publicCountsByTheme();
        List<Theme> themes = new ArrayList<>(List.of(Theme.values()));
        List<String> only = data.has("groups") ? data.stringList("groups") : null;
        if (only != null) {
            themes.removeIf(t -> !only.contains(t.slug()));
        }
        themes.sort(order(data.string("sort"), Theme::slug, Theme::labelZh, t -> counts.getOrDefault(t.name(), 0)));
        List<Theme> page = page(themes, data);
        if (data.bool("all_fields")) {
            return page.stream().map(t -> PackageDicts.group(t, counts.getOrDefault(t.name(), 0))).toList();
        }
        return page.stream().map(Theme::slug).toList();
    }

    private Map<String, @Nullable Object> groupShow(ActionData data, @Nullable CommonwealUser user) {
        String id = data.required("id");
        Theme theme = Theme.find(id).or(() -> List.of(Theme.values()).stream()
                        .filter(t -> PackageDicts.uuid("group:" + t.slug()).equals(id)).findFirst())
                .orElseThrow(() -> CkanFailure.notFound(""));
        Map<String, @Nullable Object> dict = PackageDicts.group(theme, store.publicCountsByTheme().getOrDefault(theme.name(), 0));
        if (data.bool("include_datasets")) {
            dict.put("packages", datasetsWhere("groups:" + theme.slug(), user));
        }
        return dict;
    }

    private List<Map<String, @Nullable Object>> datasetsWhere(String fq, @Nullable CommonwealUser user) {
        SearchHits hits = index.search(new DatasetQuery("", new FilterQueries(index::textQuery).parse(fq, clock.instant()),
                FilterQueries.sort("name asc"), 0, ROWS_MAX, List.of(), 0, 1, null, false));
        PackageDicts dicts = dicts();
        return store.findAll(hits.ids()).stream().map(dicts::dataset).toList();
    }

    private List<?> tagList(ActionData data) {
        String query = Optional.ofNullable(data.string("query")).orElse("").toLowerCase(Locale.ROOT);
        List<String> tags = store.publicTags().stream().filter(t -> t.toLowerCase(Locale.ROOT).contains(query)).toList();
        if (data.bool("all_fields")) {
            return tags.stream().map(PackageDicts::tag).toList();
        }
        return tags;
    }

    private Map<String, @Nullable Object> resourceShow(ActionData data, @Nullable CommonwealUser user) {
        String id = data.required("id");
        UUID resourceId;
        try {
            resourceId = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw CkanFailure.notFound("Resource was not found.");
        }
        var resource = datasets.findByResource(resourceId).filter(d -> visible(d, user))
                .flatMap(d -> d.resource(resourceId))
                .orElseThrow(() -> CkanFailure.notFound("Resource was not found."));
        return dicts().resource(resource);
    }

    private Map<String, @Nullable Object> status() {
        Map<String, @Nullable Object> m = new LinkedHashMap<>();
        m.put("ckan_version", "2.10.5");
        m.put("site_url", settings.base());
        m.put("site_description", "Qinghe open data portal (清河市公共数据开放平台), served by Commonweal");
        m.put("site_title", "清河市公共数据开放平台");
        m.put("error_emails_to", null);
        m.put("locale_default", "zh_Hans_CN");
        m.put("extensions", List.of("datastore", "dcat"));
        return m;
    }

    private String help(ActionData data) {
        String name = data.required("name");
        String help = HELP.get(name);
        if (help == null) {
            throw CkanFailure.notFound("Action function not found");
        }
        return help;
    }

    private boolean visible(Dataset d, @Nullable CommonwealUser user) {
        return d.isPublic() || user != null && (user.has(Role.AUDITOR) || datasets.mayEdit(d, user));
    }

    private PackageDicts dicts() {
        Map<UUID, Organisation> all = organisations.all().stream()
                .filter(o -> o.kind() == OrganisationKind.DEPARTMENT)
                .collect(Collectors.toMap(Organisation::id, Function.identity()));
        return new PackageDicts(settings.base(), all);
    }

    private static <T> Comparator<T> order(@Nullable String sort, Function<T, String> name, Function<T, String> title,
                                           Function<T, Integer> count) {
        String s = sort == null || sort.isBlank() ? "title asc" : sort.strip().toLowerCase(Locale.ROOT);
        String[] words = s.split("\\s+");
        boolean desc = words.length > 1 && "desc".equals(words[1]);
        Comparator<T> c = switch (words[0]) {
            case "name" -> Comparator.comparing(name);
            case "package_count" -> Comparator.comparing(count);
            case "title" -> Comparator.comparing(title);
            default -> throw CkanFailure.validation("sort", "Cannot sort by field `" + words[0] + "`");
        };
        c = desc ? c.reversed() : c;
        return c.thenComparing(name);
    }

    private static <T> List<T> page(List<T> all, ActionData data) {
        int offset = data.naturalNumber("offset", 0);
        int limit = data.naturalNumber("limit", 1000);
        return all.stream().skip(offset).limit(limit).toList();
    }
}
