package org.commonweal.platform.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.Test;

class BilingualAnalyzerUnitTest {

    private final Analyzer index = BilingualAnalyzer.forIndexing();
    private final Analyzer query = BilingualAnalyzer.forQueries();

    @Test
    void chineseTextIsSplitIntoWords() throws IOException {
        assertThat(terms(index, "清河市交通运输局公交线路")).contains("交通", "公交", "线路");
    }

    @Test
    void englishIsLowerCasedAndStemmed() throws IOException {
        assertThat(terms(index, "Bus Stops and Parking")).containsExactly("bu", "stop", "and", "park");
    }

    @Test
    void anAbbreviationFindsTheOfficialTerm() throws IOException {
        // smartcn keeps 社会保险 whole inside a sentence and splits it when alone: both are asked for
        assertThat(terms(index, "清河市社会保险参保人数")).contains("社会保险");
        assertThat(terms(query, "社保")).contains("社会保险", "社会", "保险", "social", "insur");
    }

    @Test
    void anEnglishWordFindsItsChineseTerm() throws IOException {
        assertThat(terms(query, "noise")).containsAll(terms(index, "噪声"));
    }

    @Test
    void theIndexAnalyzerAddsNoSynonyms() throws IOException {
        assertThat(terms(index, "社保")).doesNotContain("保险");
    }

    @Test
    void aSearchForTheAbbreviationFindsDocumentsWithTheOfficialTermInBothSegmentations() throws Exception {
        try (Directory directory = new ByteBuffersDirectory()) {
            try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(index))) {
                for (String title : List.of("清河市社会保险参保人数", "社会保险", "Social insurance contributions", "公交线路")) {
                    Document document = new Document();
                    document.add(new TextField("text", title, Field.Store.YES));
                    writer.addDocument(document);
                }
            }
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                IndexSearcher searcher = new IndexSearcher(reader);
                Query asked = new QueryParser("text", query).parse("社保");
                assertThat(searcher.search(asked, 10).totalHits.value()).isEqualTo(3);
            }
        }
    }

    private static List<String> terms(Analyzer analyzer, String text) throws IOException {
        List<String> terms = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("text", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
        }
        return terms;
    }
}
