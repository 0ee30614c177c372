package io.cellardoor.retrieval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishMinimalStemFilter;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * The keyword index's two analyses, the Lucene twins of PostgreSQL's two text search configurations: English (stop
 * words removed, Porter stems, like {@code english}) for English questions, and folded words without stemming (like
 * {@code cellardoor_simple}: {@code simple} + {@code unaccent}, plus plurals in "s" folded to their singular, which
 * PostgreSQL's configuration does not do) for questions in any other language, whose overlap with English pages is
 * names, numbers, cognates and the plugins' vocabulary. Both fold accents. Thread-safe.
 */
final class KeywordAnalyzers {

    /** Title and headings, English analysis (boosted). */
    static final String HEAD = "head";
    /** Chunk text, English analysis. */
    static final String BODY = "body";
    /** Title, headings and chunk text, English analysis, documents only: the corpus statistics' frequencies. */
    static final String ALL = "all";
    /** Title, headings and text, folded words. */
    static final String SIMPLE = "simple";
    /** The initials of the names in title, headings and text ({@link io.cellardoor.text.Initials}), as they are. */
    static final String INITIALS = "initials";
    /**
     * Bumped whenever an analysis or the index's fields change: indexes built with another version are rebuilt (4:
     * document, path and embedding of each chunk; 5: plurals folded in the folded field; 6: the initials of names).
     */
    static final String VERSION = "6";

    private KeywordAnalyzers() {}

    static final Analyzer ENGLISH = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String field) {
            Tokenizer source = new StandardTokenizer();
            TokenStream s = new EnglishPossessiveFilter(source);
            s = new LowerCaseFilter(s);
            s = new ASCIIFoldingFilter(s);
            s = new StopFilter(s, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
            return new TokenStreamComponents(source, new PorterStemFilter(s));
        }
    };

    static final Analyzer FOLDED = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String field) {
            Tokenizer source = new StandardTokenizer();
            // Plurals in "s" fold to their singular in English, Spanish and French alike ("dogs", "perros", "chiens"):
            // the vocabulary's page word "dog" then finds "dogs", as an English question's stem does.
            return new TokenStreamComponents(
                    source, new EnglishMinimalStemFilter(new ASCIIFoldingFilter(new LowerCaseFilter(source))));
        }
    };

    /** What the index writer uses per field. */
    static final Analyzer PER_FIELD =
            new PerFieldAnalyzerWrapper(ENGLISH, Map.of(SIMPLE, FOLDED, INITIALS, new WhitespaceAnalyzer()));

    /** The distinct terms of a text under one analysis, in order of first appearance. */
    static Set<String> terms(Analyzer analyzer, String text) {
        Set<String> out = new LinkedHashSet<>();
        try (TokenStream ts = analyzer.tokenStream("", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
