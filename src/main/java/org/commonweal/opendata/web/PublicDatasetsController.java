package org.commonweal.opendata.web;

import java.io.IOException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.commonweal.identity.CommonwealUser;
import org.commonweal.identity.Organisation;
import org.commonweal.identity.Organisations;
import org.commonweal.opendata.DataResource;
import org.commonweal.opendata.Dataset;
import org.commonweal.opendata.Datasets;
import org.commonweal.opendata.Theme;
import org.commonweal.opendata.datastore.Column;
import org.commonweal.opendata.datastore.ColumnType;
import org.commonweal.opendata.datastore.Datastore;
import org.commonweal.opendata.datastore.Preview;
import org.commonweal.opendata.datastore.web.CsvExport;
import org.commonweal.opendata.feedback.DataFeedback;
import org.commonweal.opendata.internal.DatasetQuery;
import org.commonweal.opendata.internal.DatasetResourceAccess;
import org.commonweal.opendata.internal.DownloadCounts;
import org.commonweal.opendata.internal.SearchHits;
import org.commonweal.opendata.internal.SearchIndex;
import org.commonweal.opendata.quality.QualityScores;
import org.commonweal.opendata.reuse.Reuses;
import org.commonweal.opendata.web.PortalRows.FacetGroup;
import org.commonweal.opendata.web.PortalRows.FacetOption;
import org.commonweal.opendata.web.PortalRows.Hit;
import org.commonweal.opendata.web.PortalRows.OpenListRow;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The public portal: search with facets, each dataset's page, and the open list (开放清单) with its
 * CSV. Everything listed comes from the search index, which only ever shows public datasets
 * here; a dataset that is not open (or not published) has no page: 404, as if it did not exist.
 */
@Controller
class PublicDatasetsController {

    static final int PAGE_SIZE = 20;
    /** Rows per page of the open list; its CSV has every row. */
    static final int OPEN_LIST_PAGE_SIZE = 100;
    private static final int OPEN_LIST_READ_BATCH = 1_000;
    private static final List<String> OPEN_LIST_FILTERS = List.of("publisher", "level", "theme");
    static final int MAX_PAGE = 500;
    /** Longer searches are cut: nobody types more, and it bounds the query the index builds. */
    static final int MAX_QUERY_CHARS = 100;
    static final int PREVIEW_ROWS = 10;
    /** The facets shown, as the index names them, with the parameter that filters by each. */
    static final Map<String, String> FACETS = facets();

    private final Datasets datasets;
    private final SearchIndex index;
    private final Organisations organisations;
    private final Datastore datastore;
    private final QualityScores qualityScores;
    private final DataFeedback dataFeedback;
    private final Reuses reuses;
    private final DatasetResourceAccess access;
    private final DownloadCounts downloads;

    PublicDatasetsController(Datasets datasets, SearchIndex index, Organisations organisations, Datastore datastore,
                             QualityScores qualityScores, DataFeedback dataFeedback, Reuses reuses,
                             DatasetResourceAccess access, DownloadCounts downloads) {
        this.datasets = datasets;
        this.index = index;
        this.organisations = organisations;
        this.datastore = datastore;
        this.qualityScores = qualityScores;
        this.dataFeedback = dataFeedback;
        this.reuses = reuses;
        this.access = access;
        this.downloads = downloads;
    }

    private static Map<String, String> facets() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("organization", "publisher");
        m.put("theme", "theme");
        m.put("res_format", "format");
        m.put("open_level", "level");
        m.put("tags", "keyword");
        return m;
    }

    // ---- search ---------------------------------------------------------------------------------

    @GetMapping("/data/datasets")
    String search(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "relevance") String sort,
                  @RequestParam(defaultValue = "1") String page, @RequestParam MultiValueMap<String, String> parameters,
                  Model model, Locale locale) {
        String text = cut(q);
        String order = List.of("relevance", "modified", "title").contains(sort) ? sort : "relevance";
        int pageNumber = pageNumber(page);
        Map<String, List<String>> chosen = chosenFilters(parameters);
        DatasetQuery query = new DatasetQuery(text, filters(chosen), sortOf(order), (pageNumber - 1) * PAGE_SIZE, PAGE_SIZE,
                List.copyOf(FACETS.keySet()), 30, 1, null, false);
        SearchHits hits = searchOrRefuse(query);
        List<Dataset> found = datasets.findAll(hits.ids()).stream().filter(Dataset::isPublic).toList();
        Map<UUID, Organisation> publishers = publishers();
        model.addAttribute("q", text);
        model.addAttribute("sort", order);
        model.addAttribute("pageNumber", pageNumber);
        model.addAttribute("pages", (int) Math.min(MAX_PAGE, (hits.count() + PAGE_SIZE - 1) / PAGE_SIZE));
        model.addAttribute("total", hits.count());
        model.addAttribute("hits", found.stream().map(d -> hit(d, publishers, locale)).toList());
        model.addAttribute("facets", facetGroups(hits, chosen, locale));
        model.addAttribute("chosen", chosen);
        model.addAttribute("pagingQuery", pagingQuery(text, order, chosen));
        return "opendata/portal/search";
    }

    private static Hit hit(Dataset d, Map<UUID, Organisation> publishers, Locale locale) {
        Organisation p = publishers.get(d.publisherId());
        return new Hit(d.name(), titleIn(d, locale), p == null ? "" : p.name(locale), d.openLevel().code(),
                d.resources().stream().map(DataResource::format).distinct().toList(), d.modifiedAt());
    }

    private List<FacetGroup> facetGroups(SearchHits hits, Map<String, List<String>> chosen, Locale locale) {
        Map<String, Organisation> byCode = organisations.all().stream()
                .collect(Collectors.toMap(SearchIndex::organisationName, Function.identity(), (a, b) -> a));
        List<FacetGroup> groups = new ArrayList<>();
        FACETS.forEach((field, parameter) -> {
            List<String> selected = chosen.getOrDefault(parameter, List.of());
            List<FacetOption> options = hits.facets().getOrDefault(field, List.of()).stream().map(v -> new FacetOption(
                    v.value(), label(field, v.value(), byCode, locale), v.count(), selected.contains(v.value()))).toList();
            groups.add(new FacetGroup(parameter, options));
        });
        return groups;
    }

    private static String label(String field, String value, Map<String, Organisation> byCode, Locale locale) {
        return switch (field) {
            case "organization" -> byCode.containsKey(value) ? byCode.get(value).name(locale) : value;
            case "theme" -> Theme.find(value).map(t -> t.label(locale)).orElse(value);
            default -> value;
        };
    }

    /** The facet values chosen, per parameter: at most 20 values each, each at most 100 characters. */
    private static Map<String, List<String>> chosenFilters(MultiValueMap<String, String> parameters) {
        Map<String, List<String>> chosen = new LinkedHashMap<>();
        FACETS.forEach((field, parameter) -> {
            List<String> values = parameters.getOrDefault(parameter, List.of()).stream()
                    .filter(v -> v != null && !v.isBlank() && v.length() <= 100).distinct().limit(20).toList();
            if (!values.isEmpty()) {
                chosen.put(parameter, values);
            }
        });
        return chosen;
    }

    /** Within a facet any chosen value; across facets every one. */
    private static @Nullable Query filters(Map<String, List<String>> chosen) {
        if (chosen.isEmpty()) {
            return null;
        }
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        FACETS.forEach((field, parameter) -> {
            List<String> values = chosen.get(parameter);
            if (values != null) {
                BooleanQuery.Builder any = new BooleanQuery.Builder();
                values.forEach(v -> any.add(new TermQuery(new Term(field, v)), Occur.SHOULD));
                all.add(any.build(), Occur.FILTER);
            }
        });
        return all.build();
    }

    private static @Nullable Sort sortOf(String order) {
        return switch (order) {
            case "modified" -> new Sort(new SortField("metadata_modified", SortField.Type.LONG, true),
                    new SortField("id", SortField.Type.STRING));
            case "title" -> new Sort(new SortField("title_string", SortField.Type.STRING),
                    new SortField("id", SortField.Type.STRING));
            default -> null;
        };
    }

    private SearchHits searchOrRefuse(DatasetQuery query) {
        try {
            return index.search(query);
        } catch (IndexSearcher.TooManyClauses e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "The search has too many words; use fewer.");
        }
    }

    // ---- one dataset ----------------------------------------------------------------------------

    @GetMapping("/data/datasets/{name}")
    String dataset(@PathVariable String name, @Nullable CommonwealUser user, jakarta.servlet.http.HttpServletRequest request,
                   Model model, Locale locale) {
        Dataset dataset = datasets.findByName(name).filter(Dataset::isPublic)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        boolean mayReadData = access.mayReadData(dataset, user, request);
        Map<UUID, Preview> previews = new LinkedHashMap<>();
        if (mayReadData) {
            for (DataResource r : dataset.resources()) {
                if (r.tabular() && datastore.info(r.id()).isPresent()) {
                    previews.put(r.id(), datastore.preview(r.id(), PREVIEW_ROWS));
                }
            }
        }
        Organisation publisher = organisations.find(dataset.publisherId()).orElse(null);
        model.addAttribute("dataset", dataset);
        model.addAttribute("title", titleIn(dataset, locale));
        model.addAttribute("description", descriptionIn(dataset, locale));
        model.addAttribute("publisher", publisher == null ? "" : publisher.name(locale));
        model.addAttribute("mayReadData", mayReadData);
        model.addAttribute("previews", previews);
        model.addAttribute("downloads", downloads.of(dataset.resources().stream().map(DataResource::id).toList()));
        model.addAttribute("score", qualityScores.of(dataset.id()));
        model.addAttribute("feedback", dataFeedback.ofDataset(dataset.id()));
        model.addAttribute("reuses", reuses.approvedFor(dataset.id()));
        return "opendata/portal/dataset";
    }

    // ---- the open list --------------------------------------------------------------------------

    @GetMapping("/data/open-list")
    String openList(@RequestParam(defaultValue = "1") String page, @RequestParam MultiValueMap<String, String> parameters,
                    Model model, Locale locale) {
        Map<String, List<String>> chosen = chosenFilters(parameters);
        chosen.keySet().retainAll(OPEN_LIST_FILTERS);
        int pageNumber = openListPage(page);
        SearchHits hits = openListHits(chosen, (pageNumber - 1) * OPEN_LIST_PAGE_SIZE, OPEN_LIST_PAGE_SIZE);
        model.addAttribute("rows", rows(datasets.findAll(hits.ids()), publishers(), locale));
        model.addAttribute("total", hits.count());
        model.addAttribute("pageNumber", pageNumber);
        model.addAttribute("pages", (int) Math.max(1, (hits.count() + OPEN_LIST_PAGE_SIZE - 1) / OPEN_LIST_PAGE_SIZE));
        model.addAttribute("pagingHref", "/data/open-list" + (chosen.isEmpty() ? "?" : queryOf(chosen) + "&") + "page=");
        model.addAttribute("facets", facetGroups(hits, chosen, locale).stream()
                .filter(g -> OPEN_LIST_FILTERS.contains(g.parameter())).toList());
        model.addAttribute("chosen", chosen);
        model.addAttribute("csvHref", "/data/open-list.csv" + queryOf(chosen));
        return "opendata/portal/open-list";
    }

    /** Every row, read a thousand datasets at a time, so a 200,000-dataset list streams rather than waits. */
    @GetMapping("/data/open-list.csv")
    void openListCsv(@RequestParam MultiValueMap<String, String> parameters, HttpServletResponse response, Locale locale)
            throws IOException {
        Map<String, List<String>> chosen = chosenFilters(parameters);
        chosen.keySet().retainAll(OPEN_LIST_FILTERS);
        List<UUID> ids = openListHits(chosen, 0, (int) Math.min(Integer.MAX_VALUE - 1, Math.max(1, index.countPublic(null)))).ids();
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"open-list.csv\"");
        CsvExport csv = new CsvExport(response.getOutputStream());
        List<Column> columns = new ArrayList<>();
        for (String id : List.of("name", "title", "publisher", "open_level", "theme", "frequency", "last_modified", "url")) {
            columns.add(new Column(id, id, ColumnType.TEXT));
        }
        csv.start(columns);
        Map<UUID, Organisation> publishers = publishers();
        for (int from = 0; from < ids.size(); from += OPEN_LIST_READ_BATCH) {
            List<UUID> batch = ids.subList(from, Math.min(ids.size(), from + OPEN_LIST_READ_BATCH));
            for (OpenListRow r : rows(datasets.findAll(batch), publishers, locale)) {
                csv.row(List.of(r.name(), r.title(), r.publisher(), r.level(), r.theme(), r.frequency(),
                        r.modified().atZone(ZoneId.of("Asia/Shanghai")).toLocalDate().toString(), "/data/datasets/" + r.name()));
            }
        }
        csv.finish();
    }

    private SearchHits openListHits(Map<String, List<String>> chosen, int offset, int limit) {
        return index.search(new DatasetQuery("", filters(chosen), sortOf("title"), offset, limit,
                List.of("organization", "open_level", "theme"), -1, 1, null, false));
    }

    private List<OpenListRow> rows(List<Dataset> found, Map<UUID, Organisation> publishers, Locale locale) {
        return found.stream().filter(Dataset::isPublic).map(d -> {
            Organisation p = publishers.get(d.publisherId());
            return new OpenListRow(d.name(), titleIn(d, locale), p == null ? "" : p.name(locale), d.openLevel().code(),
                    d.theme().label(locale), d.frequency().label(locale), d.modifiedAt());
        }).toList();
    }

    /** Any page number a person can type; past the last page the table is simply empty, with a way back. */
    private static int openListPage(String text) {
        try {
            return Math.clamp(Integer.parseInt(text.strip()), 1, Integer.MAX_VALUE / OPEN_LIST_PAGE_SIZE);
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    // ---- shared ---------------------------------------------------------------------------------

    private Map<UUID, Organisation> publishers() {
        return organisations.all().stream().collect(Collectors.toMap(Organisation::id, Function.identity()));
    }

    static String titleIn(Dataset d, Locale locale) {
        String t = d.title(locale);
        return t.isBlank() ? ("en".equals(locale.getLanguage()) ? d.titleZh() : d.titleEn()) : t;
    }

    static String descriptionIn(Dataset d, Locale locale) {
        String t = d.description(locale);
        return t.isBlank() ? ("en".equals(locale.getLanguage()) ? d.descriptionZh() : d.descriptionEn()) : t;
    }

    /** At most {@link #MAX_QUERY_CHARS}, cut after the last whole word when there is one (half a word matches nothing). */
    static String cut(String q) {
        String t = q.strip();
        if (t.length() <= MAX_QUERY_CHARS) {
            return t;
        }
        String head = t.substring(0, MAX_QUERY_CHARS);
        int space = head.lastIndexOf(' ');
        return (space > MAX_QUERY_CHARS / 2 ? head.substring(0, space) : head).strip();
    }

    private static int pageNumber(String text) {
        try {
            int page = Integer.parseInt(text.strip());
            if (page < 1) {
                return 1;
            }
            if (page > MAX_PAGE) {
                throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Pages go up to " + MAX_PAGE + ".");
            }
            return page;
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private static String pagingQuery(String text, String order, Map<String, List<String>> chosen) {
        String filters = queryOf(chosen);
        return "q=" + java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8) + "&sort=" + order
                + (filters.isEmpty() ? "" : "&" + filters.substring(1)) + "&";
    }

    /** The query string that keeps these filters (for the CSV link and paging). */
    static String queryOf(Map<String, List<String>> chosen) {
        StringBuilder s = new StringBuilder();
        chosen.forEach((parameter, values) -> values.forEach(v -> s.append(s.isEmpty() ? '?' : '&').append(parameter)
                .append('=').append(java.net.URLEncoder.encode(v, java.nio.charset.StandardCharsets.UTF_8))));
        return s.toString();
    }
}
