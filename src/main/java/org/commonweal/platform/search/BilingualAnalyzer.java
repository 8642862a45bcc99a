package org.commonweal.platform.search;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cn.smart.HMMChineseTokenizer;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.util.CharsRef;
import org.apache.lucene.util.CharsRefBuilder;
import org.jspecify.annotations.Nullable;

/**
 * Text analysis for every search in Commonweal, Chinese and English in the same field: smartcn
 * splits Chinese into words (Latin words stay whole), English is lower-cased and stemmed, and at
 * query time the abbreviations people type are widened to the official terms (社保 → 社会保险) from
 * {@code search/synonyms.txt} (one line of equivalent terms per line, comma-separated).
 *
 * <p>Synonyms apply only to queries, so the index stays small and a new synonym needs no reindex.
 * Build one {@link #forIndexing()} and one {@link #forQueries()} and share them: both are thread-safe.
 */
public final class BilingualAnalyzer extends Analyzer {

    private static final String SYNONYMS = "/search/synonyms.txt";

    private final @Nullable SynonymMap synonyms;

    private BilingualAnalyzer(@Nullable SynonymMap synonyms) {
        this.synonyms = synonyms;
    }

    /** The analyzer for documents: words, lower case, English stems. */
    public static BilingualAnalyzer forIndexing() {
        return new BilingualAnalyzer(null);
    }

    /** The analyzer for what people type: the same words, widened by the synonym list. */
    public static BilingualAnalyzer forQueries() {
        return new BilingualAnalyzer(loadSynonyms());
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer words = new HMMChineseTokenizer();
        TokenStream stream = new LowerCaseFilter(words);
        if (synonyms != null) {
            stream = new SynonymGraphFilter(stream, synonyms, true);
        }
        return new TokenStreamComponents(words, new PorterStemFilter(stream));
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
        return new LowerCaseFilter(in);
    }

    private static SynonymMap loadSynonyms() {
        try (Analyzer words = new Analyzer() {
                    @Override
                    protected TokenStreamComponents createComponents(String fieldName) {
                        Tokenizer tokenizer = new HMMChineseTokenizer();
                        return new TokenStreamComponents(tokenizer, new LowerCaseFilter(tokenizer));
                    }
                };
                BufferedReader reader = new BufferedReader(new InputStreamReader(
                        Objects.requireNonNull(BilingualAnalyzer.class.getResourceAsStream(SYNONYMS), SYNONYMS),
                        StandardCharsets.UTF_8))) {
            SynonymMap.Builder builder = new SynonymMap.Builder(true);
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    addEquivalents(builder, words, line.split(","));
                }
            }
            return builder.build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Makes every entry of a line stand for every other. smartcn splits a term differently alone
     * and inside a sentence (社会保险 alone is 社会 + 保险, in "社会保险参保人数" one word), so each
     * entry is added both as smartcn splits it and, when it has no space, as one whole word.
     */
    private static void addEquivalents(SynonymMap.Builder builder, Analyzer words, String[] entries)
            throws IOException {
        Set<CharsRef> forms = new LinkedHashSet<>();
        for (String raw : entries) {
            String entry = raw.strip().toLowerCase(Locale.ROOT);
            if (entry.isEmpty()) {
                continue;
            }
            forms.add(SynonymMap.Builder.join(wordsOf(words, entry), new CharsRefBuilder()));
            if (!entry.contains(" ")) {
                forms.add(new CharsRef(entry));
            }
        }
        for (CharsRef from : forms) {
            for (CharsRef to : forms) {
                if (!from.equals(to)) {
                    builder.add(from, to, true);
                }
            }
        }
    }

    private static String[] wordsOf(Analyzer words, String text) throws IOException {
        List<String> found = new ArrayList<>();
        try (TokenStream stream = words.tokenStream("", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                found.add(term.toString());
            }
            stream.end();
        }
        return found.toArray(String[]::new);
    }
}
