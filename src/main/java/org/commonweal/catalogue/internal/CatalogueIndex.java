package org.commonweal.catalogue.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.QueryBuilder;
import org.commonweal.catalogue.CatalogueSettings;
import org.commonweal.catalogue.DataItem;
import org.commonweal.catalogue.DataResource;
import org.commonweal.catalogue.DataResourceChanged;
import org.commonweal.catalogue.DataResourceRegistered;
import org.commonweal.catalogue.DataResourceRetired;
import org.commonweal.identity.Organisation;
import org.commonweal.identity.Organisations;
import org.commonweal.platform.search.BilingualAnalyzer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import jakarta.annotation.PreDestroy;

/**
 * Full-text search over the catalogue in Chinese and English (smartcn, with the shared synonym
 * list at query time). The database is the truth: the index is rebuilt from it on start and each
 * resource is re-indexed once its change has committed, so a rolled-back change never shows.
 */
@Component
public class CatalogueIndex {

    private static final Logger log = LoggerFactory.getLogger(CatalogueIndex.class);
    private static final int MOST_HITS = 500;

    private final ResourceStore store;
    private final Organisations organisations;
    private final BilingualAnalyzer forQueries = BilingualAnalyzer.forQueries();
    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;

    CatalogueIndex(ResourceStore store, Organisations organisations, CatalogueSettings settings) throws IOException {
        this.store = store;
        this.organisations = organisations;
        Path path = settings.indexPath();
        this.directory = path == null ? new ByteBuffersDirectory() : FSDirectory.open(path);
        this.writer = new IndexWriter(directory, new IndexWriterConfig(BilingualAnalyzer.forIndexing())
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE));
        this.searchers = new SearcherManager(writer, null);
    }

    @EventListener(ApplicationReadyEvent.class)
    public synchronized void rebuild() {
        Map<String, Organisation> departments = departments();
        List<DataResource> all = store.all();
        try {
            writer.deleteAll();
            for (DataResource resource : all) {
                writer.addDocument(document(resource, departments));
            }
            writer.commit();
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        log.info("Catalogue search index rebuilt with {} resources", all.size());
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void on(DataResourceRegistered registered) {
        reindex(registered.code());
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void on(DataResourceChanged changed) {
        reindex(changed.code());
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void on(DataResourceRetired retired) {
        reindex(retired.code());
    }

    public synchronized void reindex(String code) {
        try {
            DataResource resource = store.find(code).orElse(null);
            if (resource == null) {
                writer.deleteDocuments(new Term("code", code));
            } else {
                writer.updateDocument(new Term("code", code), document(resource, departments()));
            }
            // a near-real-time reader sees the change without a commit: the index is rebuilt on start anyway
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Codes of the resources matching the words, best first; names count more than the rest. */
    public List<String> search(String words) {
        QueryBuilder builder = new QueryBuilder(forQueries);
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        add(query, builder.createBooleanQuery("name", words), 3f);
        add(query, builder.createBooleanQuery("text", words), 1f);
        add(query, new TermQuery(new Term("code", words.strip().toUpperCase(java.util.Locale.ROOT))), 10f);
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                List<String> codes = new ArrayList<>();
                for (ScoreDoc hit : searcher.search(query.build(), MOST_HITS).scoreDocs) {
                    codes.add(searcher.storedFields().document(hit.doc).get("code"));
                }
                return codes;
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void add(BooleanQuery.Builder query, @Nullable Query clause, float boost) {
        if (clause != null) {
            query.add(new BoostQuery(clause, boost), BooleanClause.Occur.SHOULD);
        }
    }

    private Map<String, Organisation> departments() {
        return organisations.departments().stream()
                .collect(Collectors.toMap(o -> o.identifier().memberCode(), o -> o, (a, b) -> a));
    }

    private static Document document(DataResource resource, Map<String, Organisation> departments) {
        Document document = new Document();
        document.add(new StringField("code", resource.code(), Field.Store.YES));
        document.add(new TextField("name", resource.nameZh() + "\n" + resource.nameEn(), Field.Store.NO));
        StringBuilder text = new StringBuilder(resource.summary());
        Organisation provider = departments.get(resource.provider());
        if (provider != null) {
            text.append('\n').append(provider.nameZh()).append('\n').append(provider.nameEn());
        }
        for (DataItem item : resource.items()) {
            text.append('\n').append(item.nameZh()).append('\n').append(item.nameEn()).append('\n')
                    .append(item.key().replace('_', ' '));
        }
        document.add(new TextField("text", text.toString(), Field.Store.NO));
        return document;
    }

    @PreDestroy
    void close() throws IOException {
        searchers.close();
        writer.close();
        directory.close();
    }
}
