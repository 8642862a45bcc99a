package org.commonweal.opendata.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MultiCollectorManager;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.QueryBuilder;
import org.commonweal.identity.Organisation;
import org.commonweal.identity.Organisations;
import org.commonweal.opendata.DataResource;
import org.commonweal.opendata.Dataset;
import org.commonweal.opendata.DatasetChanged;
import org.commonweal.opendata.DatasetState;
import org.commonweal.opendata.OpenDataSettings;
import org.commonweal.platform.search.BilingualAnalyzer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The Lucene index of every dataset (public or not: each search says what it may see), kept
 * current after each committed change and rebuilt from the database on start and on demand.
 */
@Component
public class SearchIndex implements DisposableBean {

    /** The facet fields a search may count, named as CKAN names them. */
    public static final List<String> FACETS = List.of("organization", "groups", "tags", "res_format", "license_id",
            "open_level", "theme");
    static final String FACET_PREFIX = "facet_";
    /** Fields a filter (CKAN fq) may name as exact values. */
    public static final List<String> EXACT = List.of("id", "name", "organization", "groups", "tags", "res_format",
            "license_id", "open_level", "theme", "state", "type", "publisher", "catalogue_code", "frequency");
    /** Fields holding instants in milliseconds (range filters, sorting). */
    public static final List<String> DATES = List.of("metadata_modified", "metadata_created");
    /** Fields an order may name besides {@code score}. */
    public static final List<String> SORTABLE = List.of("id", "name", "title_string", "metadata_modified",
            "metadata_created");

    private static final Logger log = LoggerFactory.getLogger(SearchIndex.class);
    private static final String TEXT = "text";
    private static final String TITLE = "title";
    private static final String PUBLIC = "public";
    private static final String PUBLISHER_ID = "publisher_id";

    private final DatasetStore store;
    private final Organisations organisations;
    private final OpenDataSettings settings;
    private final FSDirectory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final BilingualAnalyzer queries = BilingualAnalyzer.forQueries();
    /** Single changes wait while the whole index is rebuilt, so none is lost or doubled. */
    private final ReentrantLock writing = new ReentrantLock();

    SearchIndex(DatasetStore store, Organisations organisations, OpenDataSettings settings) throws IOException {
        this.store = store;
        this.organisations = organisations;
        this.settings = settings;
        this.directory = FSDirectory.open(Path.of(settings.directory(), "index"));
        IndexWriterConfig config = new IndexWriterConfig(BilingualAnalyzer.forIndexing());
        config.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
        config.setRAMBufferSizeMB(128);
        this.writer = new IndexWriter(directory, config);
        this.searchers = new SearcherManager(writer, null);
    }

    @EventListener(ApplicationReadyEvent.class)
    void onStart() {
        if (settings.reindexOnStart()) {
            long started = System.nanoTime();
            int count = reindex();
            log.info("Open data search index rebuilt: {} datasets in {} ms", count, (System.nanoTime() - started) / 1_000_000);
        }
    }

    /** Follows each committed change: the dataset is read again and replaces its entry. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(DatasetChanged changed) {
        store.find(changed.datasetId()).ifPresent(this::update);
    }

    public void update(Dataset dataset) {
        writing.lock();
        try {
            writer.updateDocument(new Term("id", dataset.id().toString()), document(dataset, publishers()));
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writing.unlock();
        }
    }

    /** Rebuilds the whole index from the database; returns how many datasets it holds. */
    public int reindex() {
        writing.lock();
        try (ExecutorService workers = Executors.newFixedThreadPool(Math.max(1, Runtime.getRuntime().availableProcessors()))) {
            writer.deleteAll();
            Map<UUID, Organisation> publishers = publishers();
            List<Future<?>> pending = new ArrayList<>();
            int[] count = {0};
            store.forEach(2000, batch -> {
                count[0] += batch.size();
                pending.add(workers.submit(() -> {
                    for (Dataset d : batch) {
                        writer.addDocument(document(d, publishers));
                    }
                    return null;
                }));
                if (pending.size() > 4) {
                    await(pending.removeFirst());
                }
            });
            pending.forEach(SearchIndex::await);
            writer.commit();
            searchers.maybeRefreshBlocking();
            return count[0];
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writing.unlock();
        }
    }

    /** How many public datasets changed at or after the moment (all when null): the catalogue's total. */
    public long countPublic(java.time.@Nullable Instant modifiedSince) {
        BooleanQuery.Builder q = new BooleanQuery.Builder().add(new TermQuery(new Term(PUBLIC, "1")), Occur.FILTER);
        if (modifiedSince != null) {
            q.add(LongPoint.newRangeQuery("metadata_modified", modifiedSince.toEpochMilli(), Long.MAX_VALUE), Occur.FILTER);
        }
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return searcher.count(q.build());
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public SearchHits search(DatasetQuery query) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return search(searcher, query);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private SearchHits search(IndexSearcher searcher, DatasetQuery query) throws IOException {
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        all.add(textQuery(query.text()), Occur.MUST);
        if (query.filters() != null) {
            all.add(query.filters(), Occur.FILTER);
        }
        if (!query.everything()) {
            BooleanQuery.Builder visible = new BooleanQuery.Builder()
                    .add(new TermQuery(new Term(PUBLIC, "1")), Occur.SHOULD);
            if (query.alsoOf() != null) {
                visible.add(new TermQuery(new Term(PUBLISHER_ID, query.alsoOf().toString())), Occur.SHOULD);
            }
            all.add(visible.build(), Occur.FILTER);
        }
        Sort sort = query.sort() != null ? query.sort() : new Sort(SortField.FIELD_SCORE,
                new SortField("metadata_modified", SortField.Type.LONG, true), new SortField("id", SortField.Type.STRING));
        // never more than the index holds: a start far past the end (?start=2000000000) must not size a queue by it
        int wanted = (int) Math.clamp((long) query.start() + query.rows(), 1, Math.max(1, searcher.getIndexReader().maxDoc()));
        // every match is visited anyway (facets, count), so no skipping: a threshold of "all"
        TopFieldCollectorManager top = new TopFieldCollectorManager(sort, wanted, null, Integer.MAX_VALUE);
        FacetCounts facets = new FacetCounts(query.facetFields());
        Object[] results = searcher.search(all.build(), new MultiCollectorManager(top, facets));
        TopFieldDocs docs = (TopFieldDocs) results[0];
        FacetCounts.Result counted = (FacetCounts.Result) results[1];
        List<UUID> ids = new ArrayList<>();
        var storedFields = searcher.storedFields();
        ScoreDoc[] hits = docs.scoreDocs;
        for (long i = query.start(); i < hits.length && i < (long) query.start() + query.rows(); i++) {
            ids.add(UUID.fromString(storedFields.document(hits[(int) i].doc).get("id")));
        }
        Map<String, List<SearchHits.FacetValue>> facetValues = new LinkedHashMap<>();
        counted.counts().forEach((field, counts) ->
                facetValues.put(field, FacetCounts.top(counts, query.facetLimit(), query.facetMinCount())));
        return new SearchHits(counted.total(), ids, facetValues);
    }

    /**
     * Every word must appear in a dataset's text (titles, descriptions, keywords, publisher,
     * theme, resource names); words in the title weigh double.
     */
    public Query textQuery(String text) {
        String q = text.strip();
        if (q.isEmpty() || "*:*".equals(q) || "*".equals(q)) {
            return new MatchAllDocsQuery();
        }
        QueryBuilder builder = new QueryBuilder(queries);
        Query must = builder.createBooleanQuery(TEXT, q, Occur.MUST);
        if (must == null) {
            return new MatchAllDocsQuery();
        }
        Query title = builder.createBooleanQuery(TITLE, q, Occur.SHOULD);
        BooleanQuery.Builder combined = new BooleanQuery.Builder().add(must, Occur.MUST);
        if (title != null) {
            combined.add(new BoostQuery(title, 2f), Occur.SHOULD);
        }
        return combined.build();
    }

    private Map<UUID, Organisation> publishers() {
        return organisations.all().stream().collect(Collectors.toMap(Organisation::id, Function.identity()));
    }

    /** The CKAN organisation name of a department: its member code in lower case. */
    public static String organisationName(Organisation o) {
        return o.identifier().memberCode().toLowerCase(Locale.ROOT);
    }

    /** The CKAN state of a dataset. */
    public static String ckanState(DatasetState state) {
        return switch (state) {
            case PUBLISHED -> "active";
            case DRAFT -> "draft";
            case WITHDRAWN -> "deleted";
        };
    }

    private static Document document(Dataset d, Map<UUID, Organisation> publishers) {
        Document doc = new Document();
        doc.add(new StringField("id", d.id().toString(), Field.Store.YES));
        doc.add(new SortedDocValuesField("id", new BytesRef(d.id().toString())));
        exact(doc, "name", d.name());
        doc.add(new SortedDocValuesField("name", new BytesRef(d.name())));
        doc.add(new SortedDocValuesField("title_string", new BytesRef(d.titleZh().toLowerCase(Locale.ROOT))));
        doc.add(new StringField(PUBLIC, d.isPublic() ? "1" : "0", Field.Store.NO));
        doc.add(new StringField(PUBLISHER_ID, d.publisherId().toString(), Field.Store.NO));
        date(doc, "metadata_modified", d.modifiedAt().toEpochMilli());
        date(doc, "metadata_created", d.createdAt().toEpochMilli());
        Organisation publisher = publishers.get(d.publisherId());
        StringBuilder text = new StringBuilder(d.name()).append('\n').append(d.titleZh()).append('\n')
                .append(d.titleEn()).append('\n').append(d.descriptionZh()).append('\n').append(d.descriptionEn())
                .append('\n').append(String.join(" ", d.keywords())).append('\n').append(d.theme().labelZh())
                .append(' ').append(d.theme().labelEn());
        if (publisher != null) {
            facet(doc, "organization", organisationName(publisher));
            exact(doc, "publisher", publisher.identifier().toString());
            text.append('\n').append(publisher.nameZh()).append(' ').append(publisher.nameEn());
        }
        facet(doc, "groups", d.theme().slug());
        facet(doc, "theme", d.theme().name());
        facet(doc, "license_id", d.licence().ckanId());
        facet(doc, "open_level", d.openLevel().code());
        exact(doc, "state", ckanState(d.state()));
        exact(doc, "type", "dataset");
        exact(doc, "frequency", d.frequency().name());
        if (d.catalogueCode() != null) {
            exact(doc, "catalogue_code", d.catalogueCode());
        }
        d.keywords().forEach(k -> facet(doc, "tags", k));
        d.resources().stream().map(DataResource::format).distinct().forEach(f -> facet(doc, "res_format", f));
        d.resources().forEach(r -> text.append('\n').append(r.name()));
        doc.add(new TextField(TEXT, text.toString(), Field.Store.NO));
        doc.add(new TextField(TITLE, d.titleZh() + "\n" + d.titleEn(), Field.Store.NO));
        doc.add(new StoredField("modified", d.modifiedAt().toEpochMilli()));
        return doc;
    }

    private static void exact(Document doc, String field, String value) {
        doc.add(new StringField(field, value, Field.Store.NO));
    }

    private static void facet(Document doc, String field, String value) {
        exact(doc, field, value);
        doc.add(new SortedSetDocValuesField(FACET_PREFIX + field, new BytesRef(value)));
    }

    private static void date(Document doc, String field, long millis) {
        doc.add(new LongPoint(field, millis));
        doc.add(new NumericDocValuesField(field, millis));
    }

    private static void await(Future<?> future) {
        try {
            future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Reindex interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("Reindex failed", e.getCause());
        }
    }

    @Override
    public void destroy() throws IOException {
        searchers.close();
        writer.close();
        directory.close();
    }

    /** A sort by a CKAN field name ({@link #SORTABLE}) or {@code score}. */
    public static @Nullable SortField sortField(String field, boolean descending) {
        return switch (field) {
            case "score" -> new SortField(null, SortField.Type.SCORE, !descending);
            case "id", "name", "title_string" -> new SortField(field, SortField.Type.STRING, descending);
            case "metadata_modified", "metadata_created" -> new SortField(field, SortField.Type.LONG, descending);
            default -> null;
        };
    }
}
